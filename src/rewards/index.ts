// The rewards engine: the calculator (pure), the distribution tree, and the workflow against a live deployment.
// See docs/rewards.md.
export * from "./calculator.ts";
export * from "./distribution.ts";
export * from "./events.ts";
export * from "./merkle.ts";
export * from "./model.ts";
