export * from "./reference";
export * from "./people";
export * from "./auth";
