export * from "./reference";
export * from "./people";
export * from "./auth";
export * from "./logs";
export * from "./consent";
export * from "./consultations";
export * from "./jobs";
export * from "./meetings";
