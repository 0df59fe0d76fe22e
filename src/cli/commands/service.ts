// Commands of a service (and its veto committee): register, create-set, slash, veto, execute-slash.
import type { Command } from "commander";
import { createOperatorSet } from "../../sdk/actions/createOperatorSet.ts";
import { registerService } from "../../sdk/actions/registerService.ts";
import { executeSlash, slash, vetoSlash } from "../../sdk/actions/slash.ts";
import { RampartError } from "../../sdk/errors.ts";
import { formatPercent, parseDuration, parsePercent } from "../../sdk/format.ts";
import { assetOf, chainNow, parseAddress, resolveAsset } from "../../sdk/reads/internal.ts";
import { parseCategory, resolveOperator, SERVICE_CATEGORIES } from "../../sdk/reads/registry.ts";
import { amount, duration, say, when, who } from "../output.ts";
import { emit, run } from "../run.ts";
import { parseSetId } from "./operator.ts";

function parseSlashId(text: string): bigint {
  if (!/^\d+$/.test(text.trim())) {
    throw new RampartError(`"${text}" is not a slash id`, { hint: "slash ids are whole numbers; run rampart slashes" });
  }
  return BigInt(text.trim());
}

const list = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export function registerServiceCommands(program: Command): void {
  const service = program
    .command("service")
    .description("service actions: register, create-set, slash, veto, execute-slash");

  service
    .command("register")
    .description("register the account as a service")
    .requiredOption("--category <category>", `what it does: ${SERVICE_CATEGORIES.map((c) => c.key).join(", ")}`)
    .option("--metadata <uri>", "metadata URI")
    .option("--name <name>", "a name, stored inline in the metadata URI (instead of --metadata)")
    .action(
      run(async (context, _args, options) => {
        const result = await registerService(context.client, {
          category: parseCategory(String(options.category)),
          metadataURI: options.metadata as string | undefined,
          name: options.name as string | undefined,
        });
        emit(context, result, () => {
          say(`Registered service ${result.service} (${result.categoryName}). Next: rampart service create-set …`);
          say(`  tx ${result.hash}`);
        });
      }),
    );

  service
    .command("create-set")
    .description("create an operator set with an immutable slashing policy")
    .requiredOption("--assets <list>", "accepted assets, comma-separated (e.g. wstETH,rETH)")
    .requiredOption("--max-slash <percent>", "largest fraction of an allocation one slash may take (e.g. 50%)")
    .option("--veto-window <duration>", "slash requests wait this long for a veto (e.g. 1d); default instant", "0")
    .option("--veto-committee <address>", "may veto requests (required with a veto window)")
    .option("--dealloc-delay <duration>", "how long a decrease stays slashable (1d to 30d)", "7d")
    .option("--recipient <address>", "receives slashed tokens (default: burned)")
    .option("--registrar <address>", "eligibility hook consulted on join and leave")
    .action(
      run(async (context, _args, options) => {
        const vetoWindow = parseDuration(String(options.vetoWindow));
        const result = await createOperatorSet(context.client, {
          assets: list(String(options.assets)).map((asset) => resolveAsset(context.client, asset)),
          maxSlashWad: parsePercent(String(options.maxSlash), "max slash"),
          vetoWindow,
          vetoCommittee: options.vetoCommittee
            ? parseAddress(String(options.vetoCommittee), "veto committee address")
            : undefined,
          deallocationDelay: parseDuration(String(options.deallocDelay)),
          slashRecipient: options.recipient ? parseAddress(String(options.recipient), "recipient address") : undefined,
          registrar: options.registrar ? parseAddress(String(options.registrar), "registrar address") : undefined,
        });
        emit(context, result, () => {
          say(
            `Created operator set ${result.setId}: ${vetoWindow === 0 ? "instant slashing" : `veto window ${duration(vetoWindow)}`}, ` +
              `at most ${formatPercent(parsePercent(String(options.maxSlash)))} per slash. Operators join with: rampart operator join ${result.setId}`,
          );
          say(`  tx ${result.hash}`);
        });
      }),
    );

  service
    .command("slash <setId> <operator> <percent>")
    .description("slash a fraction of an operator's allocation to one of the service's sets")
    .requiredOption("--asset <assets>", "asset(s) to slash, comma-separated; each takes <percent> of its allocation")
    .option("--reason <text>", "why (recorded on chain)", "")
    .action(
      run(async (context, [setText = "", operatorRef = "", percent = ""], options) => {
        const setId = parseSetId(setText);
        const operator = await resolveOperator(context.client, operatorRef);
        const wad = parsePercent(percent, "slash fraction");
        const assets = list(String(options.asset)).map((asset) => ({
          asset: resolveAsset(context.client, asset),
          wad,
        }));
        const result = await slash(context.client, {
          setId,
          operator: operator.address,
          assets,
          reason: String(options.reason ?? ""),
        });
        const now = (await chainNow(context.client)).timestamp;
        emit(context, result, () => {
          if (result.executed) {
            const taken = result.slashed.map((s) => {
              const asset = assetOf(context.client, s.asset);
              return amount(s.assetsSlashed, asset.decimals, asset.symbol);
            });
            say(
              `Slash #${result.slashId} executed: took ${taken.join(", ")} from ${who(operator.address, operator.name)}'s pool(s).`,
            );
          } else {
            say(
              `Slash request #${result.slashId} opened: executable from ${when(result.executableAt, now)} unless the committee vetoes it.`,
            );
            say(`  then: rampart service execute-slash ${result.slashId}`);
          }
          say(`  tx ${result.hash}`);
        });
      }),
    );

  service
    .command("veto <slashId>")
    .description("veto a pending slash request (the set's veto committee, during the window)")
    .action(
      run(async (context, [idText = ""]) => {
        const result = await vetoSlash(context.client, { slashId: parseSlashId(idText) });
        emit(context, result, () => say(`Vetoed slash #${idText}. tx ${result.hash}`));
      }),
    );

  service
    .command("execute-slash <slashId>")
    .description("execute a pending slash request once its veto window has passed (anyone)")
    .action(
      run(async (context, [idText = ""]) => {
        const result = await executeSlash(context.client, { slashId: parseSlashId(idText) });
        emit(context, result, () => {
          const taken = result.slashed.map((s) => {
            const asset = assetOf(context.client, s.asset);
            return amount(s.assetsSlashed, asset.decimals, asset.symbol);
          });
          say(`Executed slash #${idText}: took ${taken.join(", ") || "nothing"}. tx ${result.hash}`);
        });
      }),
    );
}
