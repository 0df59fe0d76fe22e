#!/usr/bin/env node
// The `rampart` command: runs src/cli/main.ts through tsx (no build step). See docs/cli.md.
//
// The dependencies are loaded before tsx registers its loader hooks: Node then loads viem's many modules at full
// speed (the hooks cost about half a second on every start otherwise); the TypeScript sources import the same,
// already loaded modules.
import "viem";
import "viem/accounts";
import "commander";
import "zod";
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
