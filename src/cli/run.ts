// The glue between commander and the SDK: each command gets a Context and prints JSON or human output.
import type { Command } from "commander";
import { type Context, contextOf } from "./context.ts";
import { say, toJson } from "./output.ts";

export type Handler = (context: Context, args: string[], options: Record<string, unknown>) => Promise<void>;

/** Wraps a handler as a commander action: builds the context from the global options first. */
export function run(handler: Handler) {
  return async (...all: unknown[]): Promise<void> => {
    const command = all[all.length - 1] as Command;
    const context = await contextOf(command);
    await handler(context, command.processedArgs as string[], command.opts());
  };
}

/** Prints `data` as JSON with --json, else runs `human`. */
export function emit(context: Context, data: unknown, human: () => void): void {
  if (context.json) say(toJson(data));
  else human();
}
