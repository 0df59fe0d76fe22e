// The risk and yield engine: network snapshots (snapshot.ts), the investor side (position risk and yield, dossiers,
// the staking-versus-restaking Monte Carlo, the diversification plan, the export from the chain) and the network
// security analysis (security.ts). See docs/risk-investor.md, docs/snapshot.md and docs/risk.md.
export * from "./dossier.ts";
export * from "./export.ts";
export * from "./investor-model.ts";
export * from "./montecarlo.ts";
export * from "./plan.ts";
export * from "./position.ts";
export * from "./security.ts";
export * from "./snapshot.ts";
export type * from "./types.ts";
