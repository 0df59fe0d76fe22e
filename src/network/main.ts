// `npm start`: the local Rampart network, from an empty directory to a running, seeded chain with the indexer and its
// API following it, and back down.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { localStandInLstAbi, rampartAbi } from "../sdk/abis.ts";
import type { Deployment } from "../sdk/deployment.ts";
import {
  type AnvilProcess,
  assertDataDirFree,
  assertPortFree,
  dataFiles,
  keepClockMonotonic,
  lockDataDir,
  NetworkError,
  prepareState,
  promoteExitState,
  StateSaver,
  spawnAnvil,
} from "./anvil.ts";
import type { AssetLine } from "./banner.ts";
import type { LocalChain } from "./chain.ts";
import {
  assertApiPortFree,
  type IndexDatabase,
  indexerDir,
  loadIndexerModules,
  openIndexDatabase,
  type RunningIndexer,
  startIndexer,
} from "./indexer.ts";
import { CHAIN_ID, GOVERNANCE_DELAY, type NetworkOptions } from "./options.ts";
import { LSTS, OPERATORS } from "./scenario.ts";
import type { SeedSummary } from "./seed.ts";

/**
 * viem (behind the chain client, the deployment and the banner) takes most of a second to load under tsx: it loads
 * while anvil starts instead of before. Everything imported statically here is light.
 */
function loadHeavyModules() {
  const modules = Promise.all([import("./chain.ts"), import("./protocol.ts"), import("./banner.ts")]);
  modules.catch(() => {}); // reported where awaited
  return modules;
}

export interface NetworkIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** performance.now() of the start, for "ready in" (default 0: the process start). */
  startedAt?: number;
}

const defaultIo: NetworkIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A one-line description of any failure (a RampartError's own one-liner, with its hint). */
export function oneLine(error: unknown): string {
  const withOneLine = error as { oneLine?: () => string };
  if (typeof withOneLine?.oneLine === "function") return withOneLine.oneLine();
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

/** Failures whose message is written for the user; anything else is reported as unexpected. */
const EXPECTED_ERRORS = new Set(["NetworkError", "SeedError", "RampartError", "RampartDeployError"]);

const lastLine = (text: string): string => text.trim().split("\n").pop() || "no output";

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function assetLines(chain: LocalChain, deployment: Deployment): Promise<AssetLine[]> {
  return Promise.all(
    deployment.assets.map(async (asset) => {
      const lst = LSTS.find((l) => l.symbol === asset.symbol);
      const [config, rateWad] = await Promise.all([
        chain.publicClient.readContract({
          address: deployment.contracts.rampart,
          abi: rampartAbi,
          functionName: "getAsset",
          args: [asset.address],
        }),
        lst
          ? chain.publicClient.readContract({
              address: asset.address,
              abi: localStandInLstAbi,
              functionName: "exchangeRate",
            })
          : Promise.resolve(undefined),
      ]);
      return {
        symbol: asset.symbol,
        address: asset.address,
        name: lst?.name ?? "Wrapped Ether (local stand-in)",
        rateWad,
        aprBps: lst?.aprBps,
        cap: config.cap,
        deposited: config.totalDeposited,
      };
    }),
  );
}

/**
 * Runs the network until SIGINT/SIGTERM/SIGHUP (or until anvil dies). Resolves with the process exit code; the
 * one-line reason of a failure is written to `io.err`.
 */
export async function runNetwork(options: NetworkOptions, io: NetworkIo = defaultIo): Promise<number> {
  // performance.now() counts from the process start: "ready in" includes loading node, tsx and the modules.
  const startedAt = io.startedAt ?? 0;
  const heavyModules = loadHeavyModules();
  if (options.indexer) void loadIndexerModules();
  const files = dataFiles(options.dataDir);
  let anvil: AnvilProcess | undefined;
  let saver: StateSaver | undefined;
  let lock: ReturnType<typeof lockDataDir> | undefined;
  /** The index's database while it opens (from anvil's start on), then the running indexer and API. */
  let indexOpening: Promise<IndexDatabase> | undefined;
  let indexer: RunningIndexer | undefined;
  let stopping = false;
  let resolveStop: (signal: string) => void = () => {};
  const stopRequested = new Promise<string>((resolve) => {
    resolveStop = resolve;
  });

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!stopping) {
      stopping = true;
      firstSignalAt = performance.now();
      resolveStop(signal);
      return;
    }
    // One Ctrl-C can arrive more than once (the terminal signals the whole process group, and npm and tsx relay it
    // too): only a second Ctrl-C pressed a moment later forces the stop.
    if (signal === "SIGINT" && performance.now() - firstSignalAt > 1000) {
      io.err("forced stop: anvil killed; the chain keeps its last periodic save (at most about a second old)");
      anvil?.kill();
      lock?.release();
      process.exit(130);
    }
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, onSignal);
  // `kill <pid of npm>` stops npm without telling its child: notice being orphaned and stop cleanly all the same.
  const parentAtStart = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid !== parentAtStart && !stopping) onSignal("SIGTERM");
  }, 250);
  orphanWatch.unref();

  /** Stops the follower, closes the API and the index's database; the chain is still up, so nothing waits on it. */
  const closeIndex = async (): Promise<void> => {
    const [running, opening] = [indexer, indexOpening];
    indexer = undefined;
    indexOpening = undefined;
    if (running) await running.stop();
    else if (opening) await (await opening.catch(() => undefined))?.db.close();
  };

  /** Stops the indexer, then anvil cleanly: last atomic save, SIGTERM (anvil dumps its full state), promote that dump. */
  const shutdown = async (): Promise<boolean> => {
    try {
      await closeIndex();
    } catch (error) {
      io.err(`warning: the indexer did not stop cleanly (${oneLine(error)}); it resumes from its last batch`);
    }
    // A last atomic save first (skipped if no block was added): a clean stop keeps everything even if anvil's own
    // exit dump were to fail.
    if (anvil?.running()) await saver?.save(false);
    await saver?.stop();
    if (!anvil) return true;
    const result = await anvil.stop();
    const clean = result.code === 0 && promoteExitState(files);
    return clean;
  };

  try {
    assertDataDirFree(files);
    await assertPortFree(options.port);
    if (options.indexer) await assertApiPortFree(options.apiPort);
    if (stopping) return 0;
    mkdirSync(files.dir, { recursive: true });
    lock = lockDataDir(files, options.port);
    const { resume, notes } = prepareState(files);
    // PGlite takes a second or more to open (several on a new directory): it opens while anvil starts and deploys.
    if (options.indexer) {
      indexOpening = openIndexDatabase(indexerDir(files.dir), { newChain: !resume });
      indexOpening.catch(() => {}); // reported where awaited
    }

    anvil = await spawnAnvil({
      port: options.port,
      files,
      resume,
      // A new chain starts one governance delay in the past, so that after the listing (which moves the clock past
      // the timelock's delay) the chain's time is the wall clock again.
      genesisTimestamp: Math.floor(Date.now() / 1000) - GOVERNANCE_DELAY - 5,
    });
    lock.setAnvilPid(anvil.pid);
    let anvilGone = false;
    void anvil.exited.then(() => {
      anvilGone = true;
    });
    const [
      { connectLocalChain },
      { ensureDeployment },
      { EXAMPLE_OPERATOR_INDEX, EXAMPLE_STAKER_INDEX, renderBanner },
    ] = await heavyModules;
    const chain = await connectLocalChain(anvil.rpcUrl);
    if (resume) {
      const lead = await keepClockMonotonic(chain.rpc);
      if (lead > 60)
        notes.push(
          `the chain's clock is ${Math.round(lead / 3600)} h ahead of the wall clock (advanced earlier); it keeps that lead`,
        );
    }
    saver = new StateSaver(chain.rpc, files, (message) => io.err(`warning: ${message}`));
    saver.start();

    if (!resume) writeFileSync(files.pendingFirstStart, "deploying and seeding a new chain\n");
    const anvilDied = anvil.exited.then((result) => ({ died: result }));
    const deployStarted = performance.now();
    const ensured = await Promise.race([
      ensureDeployment(chain, {
        deploymentFile: files.deployment,
        seed: options.seed,
        noSeed: options.noSeed,
        log: (line) => io.out(line),
      }),
      anvilDied,
      stopRequested.then(() => ({ stopped: true as const })),
    ]);
    if ("died" in ensured) throw new NetworkError(`anvil stopped during the deployment: ${lastLine(anvil.logTail())}`);
    if ("stopped" in ensured) {
      io.out("stopped before the deployment finished; the next start begins a new chain");
      const clean = await shutdown();
      lock.release();
      return clean ? 0 : 1;
    }
    const deployMs = performance.now() - deployStarted;

    const scenarioFile = files.scenario;
    let scenario: SeedSummary | undefined = ensured.seeded;
    if (ensured.seeded) writeFileSync(scenarioFile, `${JSON.stringify(ensured.seeded, null, 2)}\n`);
    else if (!ensured.deployed && existsSync(scenarioFile)) {
      try {
        scenario = JSON.parse(readFileSync(scenarioFile, "utf8")) as SeedSummary;
      } catch {
        scenario = undefined;
      }
    }
    // Nothing is "ready" until it is on disk: a crash right after this line keeps the whole deployment.
    await saver.save(true);
    rmSync(files.pendingFirstStart, { force: true });

    // The indexer catches up with the chain (progress lines for a long history), then the API listens and the
    // indexer follows new blocks. It owns the database from here on.
    if (indexOpening) {
      const index = await indexOpening;
      indexOpening = undefined;
      indexer = await startIndexer({
        index,
        deployment: ensured.deployment,
        rpcUrl: anvil.rpcUrl,
        apiPort: options.apiPort,
        deployed: ensured.deployed,
        shouldStop: () => stopping || anvilGone,
        io: { out: io.out, debug: Boolean(process.env.RAMPART_DEBUG) },
      });
    }

    // Stopped (or anvil gone) during the catch-up: no banner, straight to the stop below.
    if (!stopping && !anvilGone) {
      const [blockNumber, assets] = await Promise.all([
        chain.publicClient.getBlockNumber(),
        assetLines(chain, ensured.deployment),
      ]);
      const status = ensured.deployed
        ? `${ensured.reason ? `${ensured.reason}: ` : ""}deployed${ensured.seeded ? ` and seeded (${ensured.seeded.transactions} transactions)` : ""} in ${seconds(deployMs)}`
        : `resumed the saved chain (deployment from block ${ensured.deployment.startBlock})`;
      const operator = OPERATORS.find((o) => o.account === EXAMPLE_OPERATOR_INDEX);
      io.out(
        renderBanner({
          rpcUrl: anvil.rpcUrl,
          chainId: CHAIN_ID,
          port: options.port,
          dataDir: files.dir,
          blockNumber,
          deployment: ensured.deployment,
          assets,
          status,
          scenario,
          exampleStaker: chain.address(EXAMPLE_STAKER_INDEX),
          exampleOperator: { address: chain.address(EXAMPLE_OPERATOR_INDEX), name: operator?.name ?? "an operator" },
          notes,
          api: indexer ? { url: indexer.api.url, indexedBlock: indexer.indexedBlock, web: indexer.web } : undefined,
        }),
      );
      io.out(`Rampart local network ready in ${seconds(performance.now() - startedAt)}`);
    }

    const outcome = await Promise.race([stopRequested.then((signal) => ({ signal })), anvilDied]);
    if ("died" in outcome) {
      await saver.stop();
      const { code, signal } = outcome.died;
      throw new NetworkError(
        `anvil stopped unexpectedly (${signal ?? `exit code ${code}`}): ${lastLine(anvil.logTail())}; ` +
          "the chain is saved up to its last second: `npm start` resumes it",
      );
    }
    io.out(
      `\n${outcome.signal}: ${options.indexer ? "stopping the indexer and the API, then " : ""}stopping anvil and saving the chain...`,
    );
    const clean = await shutdown();
    lock.release();
    io.out(
      clean
        ? `stopped; the chain is saved in ${files.state}`
        : `anvil did not stop cleanly; the chain keeps its last periodic save in ${files.state}`,
    );
    return clean ? 0 : 1;
  } catch (error) {
    const message =
      error instanceof Error && EXPECTED_ERRORS.has(error.name)
        ? oneLine(error)
        : `unexpected error: ${oneLine(error)}`;
    io.err(`npm start: ${message}`);
    try {
      await shutdown();
    } catch {
      anvil?.kill();
    }
    lock?.release();
    return 1;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}
