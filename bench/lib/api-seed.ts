// Seeds a large Rampart network on a fresh anvil for `npm run bench:api`: N operators, M services (one operator set
// each), operators joining several sets with commissions and allocations, K stakers each minting a test LST, approving
// and depositing with 1-3 operators, then a few slashes, queued, completed and redelegated withdrawals.
//
// Speed: anvil runs with `--auto-impersonate`, so every generated address can send unsigned transactions
// (`eth_sendTransaction`) once `anvil_setBalance` has given it ETH; no keys, no local signing. Mining is manual
// (`evm_setAutomine false`): transactions go in waves of `txPerBlock` (200) in JSON-RPC batches with explicit nonces
// and gas limits, then `evm_mine` until the pool is empty, so blocks hold ~200 transactions 12 s apart, like a real
// history (anvil's manual mining takes the whole pool whatever the block gas limit, hence the waves; its base fee
// starts at 0 so that full blocks do not price later transactions out). Every mined block's receipts are checked
// (`eth_getBlockReceipts`): one reverted transaction fails the seeding with its label.
import {
  type Address,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  type Hex,
  http,
  keccak256,
  numberToHex,
  parseUnits,
  toHex,
  zeroAddress,
} from "viem";
import { foundry } from "viem/chains";
import { deployRampart, type RampartWalletClient, runGovernanceAction } from "../../src/deploy.ts";
import { JsonRpc } from "../../src/network/rpc.ts";
import { directoryAbi, localStandInLstAbi, localStandInLstBytecode, rampartAbi } from "../../src/sdk/abis.ts";
import type { Deployment } from "../../src/sdk/deployment.ts";
import { metadataUri } from "../../src/sdk/reads/internal.ts";
import { type Anvil, startAnvil } from "./foundry.ts";

export interface SeedOptions {
  stakers: number;
  operators: number;
  services: number;
  /** RNG seed: the same options give the same network. */
  seed?: number;
  /** Stakers per submitted chunk (default 500). */
  chunk?: number;
  /** Transactions per block (default 200, about mainnet's). */
  txPerBlock?: number;
  log?: (line: string) => void;
  /** Progress lines (overwritten in place on a terminal). */
  progress?: (line: string) => void;
}

export interface PhaseStats {
  name: string;
  transactions: number;
  blocks: number;
  seconds: number;
}

export interface SeedStats {
  seconds: number;
  /** Deploying the core, the tokens and listing them (automine; not counted in `transactions`). */
  deploySeconds: number;
  transactions: number;
  blocks: number;
  /** Blocks of the seeded history (deployment excluded) and transactions per block. */
  txPerBlock: { mean: number; max: number };
  gasUsed: string;
  blockGasLimit: string;
  /** Seconds between blocks (chain time). */
  blockTime: number;
  phases: PhaseStats[];
  network: {
    operators: number;
    services: number;
    operatorSets: number;
    memberships: number;
    allocations: number;
    commissions: number;
    stakers: number;
    deposits: number;
    withdrawalsQueued: number;
    withdrawalsCompleted: number;
    redelegations: number;
    slashes: { executed: number; requested: number; vetoed: number };
  };
}

export interface SeededNetwork {
  anvil: Anvil;
  rpcUrl: string;
  deployment: Deployment;
  stakers: Address[];
  operators: Address[];
  stats: SeedStats;
}

const WAD = 10n ** 18n;
const BLOCK_TIME = 12;
const WITHDRAWAL_DELAY = 7 * 86_400;
const GOVERNANCE_DELAY = 86_400;
/**
 * anvil starts at a zero base fee: blocks here are fuller than the EIP-1559 target, and from 1 gwei the base fee would
 * climb past any fixed fee cap within a few hundred blocks; from 0 it stays negligible. Balances cover the fees.
 */
const MAX_FEE = 50_000_000_000n;
const PRIORITY_FEE = 1_000_000_000n;
const STARTING_BALANCE = 1_000n * WAD;
/** Gas limits per kind of transaction, generous (no estimation: a wave's transactions depend on each other). */
const GAS = {
  register: 150_000n,
  createSet: 400_000n,
  join: 150_000n,
  commission: 100_000n,
  allocate: 250_000n,
  mint: 100_000n,
  approve: 80_000n,
  deposit: 200_000n,
  withdraw: 200_000n,
  complete: 200_000n,
  slash: 600_000n,
  veto: 100_000n,
} as const;

interface Tx {
  from: Address;
  to: Address;
  data: Hex;
  gas: bigint;
  label: string;
}

/** xorshift32: deterministic, fast (as bench/rewards.ts). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

/** A deterministic, realistic-looking address per (role, index). */
export function benchAddress(role: string, index: number): Address {
  return getAddress(`0x${keccak256(toHex(`rampart-bench:${role}:${index}`)).slice(-40)}`);
}

const tx = (
  from: Address,
  to: Address,
  // biome-ignore lint/suspicious/noExplicitAny: one helper for the ABIs of the core, the directory and the tokens
  abi: any,
  functionName: string,
  args: readonly unknown[],
  gas: bigint,
  label: string,
): Tx => ({
  from,
  to,
  data: encodeFunctionData({ abi, functionName, args }) as Hex,
  gas,
  label,
});

interface BlockReceipt {
  transactionHash: Hex;
  status: Hex;
  gasUsed: Hex;
}

/** Submits transactions with explicit nonces in JSON-RPC batches and mines them manually. */
class BulkSender {
  private readonly nonces = new Map<string, bigint>();
  private readonly labels = new Map<string, string>();
  transactions = 0;
  blocks = 0;
  maxPerBlock = 0;
  gasUsed = 0n;

  constructor(
    readonly rpc: JsonRpc,
    private readonly perBlock: number,
    private readonly progress: (line: string) => void,
  ) {}

  private nextNonce(from: Address): bigint {
    const key = from.toLowerCase();
    const nonce = this.nonces.get(key) ?? 0n;
    this.nonces.set(key, nonce + 1n);
    return nonce;
  }

  async submit(txs: readonly Tx[]): Promise<void> {
    const requests = txs.map((t) => ({
      method: "eth_sendTransaction",
      params: [
        {
          from: t.from,
          to: t.to,
          data: t.data,
          gas: numberToHex(t.gas),
          nonce: numberToHex(this.nextNonce(t.from)),
          maxFeePerGas: numberToHex(MAX_FEE),
          maxPriorityFeePerGas: numberToHex(PRIORITY_FEE),
          type: "0x2",
        },
      ],
    }));
    const answers = await this.rpc.batch(requests);
    answers.forEach((answer, i) => {
      const label = txs[i]?.label ?? "?";
      if (answer.error) throw new Error(`seeding: ${label}: not accepted: ${answer.error.message}`);
      this.labels.set((answer.result as string).toLowerCase(), label);
    });
    this.transactions += txs.length;
  }

  /** Mines until the pool is empty; checks every receipt. Returns the number of blocks mined. */
  async mineAll(what: string): Promise<number> {
    let mined = 0;
    for (;;) {
      const status = await this.rpc.call<{ pending: Hex; queued: Hex }>("txpool_status");
      const pending = Number(BigInt(status.pending));
      if (pending === 0) {
        if (BigInt(status.queued) !== 0n)
          throw new Error(`seeding: ${what}: ${BigInt(status.queued)} txs stuck in the queue`);
        return mined;
      }
      await this.rpc.call("evm_mine");
      mined++;
      this.blocks++;
      const receipts = await this.rpc.call<BlockReceipt[]>("eth_getBlockReceipts", ["latest"]);
      this.maxPerBlock = Math.max(this.maxPerBlock, receipts.length);
      for (const receipt of receipts) {
        this.gasUsed += BigInt(receipt.gasUsed);
        if (receipt.status !== "0x1") {
          const label = this.labels.get(receipt.transactionHash.toLowerCase()) ?? "unknown transaction";
          throw new Error(`seeding: ${what}: ${label} reverted (${receipt.transactionHash})`);
        }
      }
      if (receipts.length === 0) throw new Error(`seeding: ${what}: a block mined nothing with ${pending} pending`);
      this.progress(`${what}: ${this.transactions.toLocaleString("en-US")} tx, ${this.blocks} blocks`);
    }
  }

  /** Submit, then mine everything. */
  /**
   * Submits `txs` in waves of `perBlock` and mines after each, so a block holds about `perBlock` transactions (anvil's
   * manual `evm_mine` takes the whole pool, whatever the block gas limit). Each account's transactions keep their
   * order, so a later wave can depend on an earlier one.
   */
  async run(what: string, txs: readonly Tx[]): Promise<number> {
    let blocks = 0;
    for (let start = 0; start < txs.length; start += this.perBlock) {
      await this.submit(txs.slice(start, start + this.perBlock));
      blocks += await this.mineAll(what);
    }
    return blocks;
  }
}

/** Heavy-tailed choice among `n` items (Pareto-like weights), as bench/rewards.ts picks operators. */
function weightedPicker(n: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (random() + 0.02) ** 1.2;
    cumulative.push(sum);
  }
  return () => {
    const r = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function distinct(count: number, n: number, pick: () => number): number[] {
  const chosen = new Set<number>();
  const want = Math.min(count, n);
  while (chosen.size < want) chosen.add(pick());
  return [...chosen];
}

export async function seedNetwork(options: SeedOptions): Promise<SeededNetwork> {
  const log = options.log ?? (() => {});
  const progress = options.progress ?? (() => {});
  const random = rng(options.seed ?? 0x5eed);
  const chunk = options.chunk ?? 500;
  const perBlock = options.txPerBlock ?? 200;
  const started = performance.now();
  const anvil = await startAnvil(["--auto-impersonate", "--accounts", "4", "--base-fee", "0"]);
  try {
    const rpc = new JsonRpc(anvil.rpcUrl, 120_000);
    const transport = http(anvil.rpcUrl);
    const publicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 20 });
    const [deployer] = await createWalletClient({ chain: foundry, transport }).getAddresses();
    if (!deployer) throw new Error("anvil has no dev account");
    const wallet: RampartWalletClient = createWalletClient({
      account: deployer,
      chain: foundry,
      transport,
      pollingInterval: 20,
    });

    // ── Deployment: core, three LST stand-ins, listed through governance (automine).
    const startBlock = Number(await publicClient.getBlockNumber());
    const core = await deployRampart({
      publicClient,
      walletClient: wallet,
      governanceDelay: GOVERNANCE_DELAY,
      withdrawalDelay: WITHDRAWAL_DELAY,
      pauser: deployer,
      unpauser: deployer,
      proposers: [deployer],
      rewardsUpdater: deployer,
      rootActivationDelay: 3_600,
    });
    const lsts = [
      { symbol: "wstETH", name: "Wrapped staked ETH (local stand-in)", rate: "1.2", apr: 300n },
      { symbol: "rETH", name: "Rocket Pool ETH (local stand-in)", rate: "1.1", apr: 280n },
      { symbol: "cbETH", name: "Coinbase Wrapped Staked ETH (local stand-in)", rate: "1.08", apr: 290n },
    ];
    const tokens: Address[] = [];
    for (const lst of lsts) {
      const hash = await wallet.deployContract({
        abi: localStandInLstAbi,
        bytecode: localStandInLstBytecode,
        args: [lst.name, lst.symbol, parseUnits(lst.rate, 18), lst.apr],
      });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (!receipt.contractAddress) throw new Error(`seeding: ${lst.symbol} has no address`);
      tokens.push(getAddress(receipt.contractAddress));
    }
    await runGovernanceAction({
      publicClient,
      walletClient: wallet,
      timelock: core.timelock,
      calls: tokens.map((asset) => ({
        target: core.rampart,
        data: encodeFunctionData({
          abi: rampartAbi,
          functionName: "listAsset",
          args: [asset, parseUnits("1000000000000", 18)],
        }),
      })),
      advanceTime: true,
      description: "list the bench assets",
    });
    const deployment: Deployment = {
      version: 1,
      chainId: await publicClient.getChainId(),
      startBlock,
      contracts: core,
      assets: lsts.map((lst, i) => ({
        symbol: lst.symbol,
        address: tokens[i] as Address,
        decimals: 18,
        kind: "LST" as const,
        localStandIn: true,
      })),
      rewardTokens: [],
    };
    const deploySeconds = (performance.now() - started) / 1000;
    log(`deployed Rampart and 3 LSTs in ${deploySeconds.toFixed(1)} s`);

    // ── Actors, funded; manual mining from here on, one block every 12 s of chain time.
    const operators = Array.from({ length: options.operators }, (_, i) => benchAddress("operator", i));
    const services = Array.from({ length: options.services }, (_, i) => benchAddress("service", i));
    const stakers = Array.from({ length: options.stakers }, (_, i) => benchAddress("staker", i));
    const committee = benchAddress("veto-committee", 0);
    await rpc.batchOrThrow(
      [...operators, ...services, ...stakers, committee].map((account) => ({
        method: "anvil_setBalance",
        params: [account, numberToHex(STARTING_BALANCE)],
      })),
    );
    await rpc.call("evm_setAutomine", [false]);
    await rpc.call("anvil_setBlockTimestampInterval", [BLOCK_TIME]);
    const block = await rpc.call<{ gasLimit: Hex }>("eth_getBlockByNumber", ["latest", false]);
    const firstSeededBlock = Number(await publicClient.getBlockNumber()) + 1;

    const sender = new BulkSender(rpc, perBlock, progress);
    const phases: PhaseStats[] = [];
    const phase = async (name: string, body: () => Promise<void>) => {
      const t0 = performance.now();
      const [tx0, b0] = [sender.transactions, sender.blocks];
      await body();
      const stats = {
        name,
        transactions: sender.transactions - tx0,
        blocks: sender.blocks - b0,
        seconds: (performance.now() - t0) / 1000,
      };
      phases.push(stats);
      log(
        `  ${name}: ${stats.transactions.toLocaleString("en-US")} tx in ${stats.blocks} blocks, ${stats.seconds.toFixed(1)} s`,
      );
    };
    const { rampart, directory } = core;

    // ── Registrations.
    const allocationDelay = operators.map(() => (random() < 0.8 ? 0 : 3_600));
    await phase("registrations", () =>
      sender
        .run("registrations", [
          ...operators.map((op, i) =>
            tx(
              op,
              directory,
              directoryAbi,
              "registerOperator",
              [
                metadataUri({ name: `Operator ${i + 1}`, description: "bench operator" }),
                zeroAddress,
                allocationDelay[i],
              ],
              GAS.register,
              `operator ${i} registers`,
            ),
          ),
          ...services.map((svc, i) =>
            tx(
              svc,
              directory,
              directoryAbi,
              "registerService",
              [metadataUri({ name: `Service ${i + 1}`, description: "bench service" }), i % 7],
              GAS.register,
              `service ${i} registers`,
            ),
          ),
        ])
        .then(() => undefined),
    );

    // ── One operator set per service: 1-3 assets; every fifth has a one-day veto window and a committee.
    const setAssets = services.map(() =>
      distinct(1 + Math.floor(random() * 3), 3, () => Math.floor(random() * 3)).sort(),
    );
    const vetoed = services.map((_, i) => i % 5 === 4);
    await phase("operator sets", () =>
      sender
        .run(
          "operator sets",
          services.map((svc, i) =>
            tx(
              svc,
              rampart,
              rampartAbi,
              "createOperatorSet",
              [
                (setAssets[i] as number[]).map((a) => tokens[a]),
                {
                  vetoWindow: vetoed[i] ? 86_400 : 0,
                  deallocationDelay: vetoed[i] ? 7 * 86_400 : 3 * 86_400,
                  maxSlashWad: WAD / 5n,
                  vetoCommittee: vetoed[i] ? committee : zeroAddress,
                  slashRecipient: zeroAddress,
                },
                zeroAddress,
              ],
              GAS.createSet,
              `service ${i} creates its operator set`,
            ),
          ),
        )
        .then(() => undefined),
    );
    const setIdOf = new Map<string, number>();
    for (const event of await publicClient.getContractEvents({
      address: rampart,
      abi: rampartAbi,
      eventName: "OperatorSetCreated",
      fromBlock: BigInt(firstSeededBlock),
    })) {
      setIdOf.set((event.args.service as Address).toLowerCase(), Number(event.args.setId));
    }
    const setId = (service: number) => {
      const id = setIdOf.get((services[service] as Address).toLowerCase());
      if (id === undefined) throw new Error(`seeding: service ${service} has no operator set`);
      return id;
    };

    // ── Operators join 2-8 sets (popular services more often), set a commission per service and allocate.
    const pickService = weightedPicker(services.length, random);
    const membership: number[][] = [];
    let memberships = 0;
    let allocations = 0;
    let commissions = 0;
    const operatorTxs: Tx[] = [];
    operators.forEach((op, o) => {
      const joined = distinct(2 + Math.floor(random() * 7), services.length, pickService);
      membership.push(joined);
      const budget = [0, 1, 2].map(() => 0.3 + random() * 0.6);
      const perAsset = [0, 1, 2].map((a) => joined.filter((s) => (setAssets[s] as number[]).includes(a)).length);
      for (const s of joined) {
        operatorTxs.push(
          tx(
            op,
            rampart,
            rampartAbi,
            "joinOperatorSet",
            [op, setId(s), "0x"],
            GAS.join,
            `operator ${o} joins set of service ${s}`,
          ),
        );
        memberships++;
        operatorTxs.push(
          tx(
            op,
            directory,
            directoryAbi,
            "setCommission",
            [op, services[s], Math.floor(random() * 2_000)],
            GAS.commission,
            `operator ${o} sets its commission for service ${s}`,
          ),
        );
        commissions++;
        for (const a of setAssets[s] as number[]) {
          const fraction = BigInt(Math.floor(((budget[a] as number) / (perAsset[a] as number)) * 1e6)) * 10n ** 12n;
          operatorTxs.push(
            tx(
              op,
              rampart,
              rampartAbi,
              "allocate",
              [op, tokens[a], setId(s), fraction],
              GAS.allocate,
              `operator ${o} allocates asset ${a} to service ${s}`,
            ),
          );
          allocations++;
        }
      }
    });
    await phase("memberships, commissions, allocations", () =>
      sender.run("memberships, commissions, allocations", operatorTxs).then(() => undefined),
    );

    // ── Stakers: mint each asset they use, approve exactly that, deposit with 1-3 operators; chunk by chunk.
    const pickOperator = weightedPicker(operators.length, random);
    const depositsOf: { operator: number; asset: number }[][] = [];
    let deposits = 0;
    await phase("stakers: mint, approve, deposit", async () => {
      for (let start = 0; start < stakers.length; start += chunk) {
        const txs: Tx[] = [];
        for (let s = start; s < Math.min(start + chunk, stakers.length); s++) {
          const staker = stakers[s] as Address;
          const count = 1 + Math.floor(random() * random() * 3.5);
          const mine = Array.from({ length: count }, () => ({
            operator: pickOperator(),
            asset: Math.floor(random() * 3),
            amount: BigInt(Math.floor(10 ** (random() * 5 - 2) * 1e6)) * 10n ** 12n,
          }));
          depositsOf.push(mine);
          const totals = new Map<number, bigint>();
          for (const d of mine) totals.set(d.asset, (totals.get(d.asset) ?? 0n) + d.amount);
          for (const [asset, total] of totals) {
            txs.push(
              tx(
                staker,
                tokens[asset] as Address,
                localStandInLstAbi,
                "mint",
                [staker, total],
                GAS.mint,
                `staker ${s} mints`,
              ),
            );
            txs.push(
              tx(
                staker,
                tokens[asset] as Address,
                localStandInLstAbi,
                "approve",
                [rampart, total],
                GAS.approve,
                `staker ${s} approves`,
              ),
            );
          }
          for (const d of mine) {
            txs.push(
              tx(
                staker,
                rampart,
                rampartAbi,
                "deposit",
                [operators[d.operator], tokens[d.asset], d.amount, staker, 0n],
                GAS.deposit,
                `staker ${s} deposits with operator ${d.operator}`,
              ),
            );
            deposits++;
          }
        }
        await sender.run(
          `stakers ${Math.min(start + chunk, stakers.length).toLocaleString("en-US")}/${stakers.length.toLocaleString("en-US")}`,
          txs,
        );
      }
    });

    // ── A few slashes: instant ones in sets without a veto window, requests (some vetoed) in the others.
    const slashes = { executed: 0, requested: 0, vetoed: 0 };
    await phase("slashes", async () => {
      const txs: Tx[] = [];
      const vetoes: number[] = [];
      const wanted = Math.max(4, Math.round(services.length / 5));
      for (let k = 0, tries = 0; k < wanted && tries < 10 * wanted; tries++) {
        const s = Math.floor(random() * services.length);
        const o = operators.findIndex(
          (_, i) => allocationDelay[i] === 0 && (membership[i] as number[]).includes(s) && random() < 0.5,
        );
        if (o < 0) continue;
        const assets = (setAssets[s] as number[]).map((a) => tokens[a]);
        txs.push(
          tx(
            services[s] as Address,
            rampart,
            rampartAbi,
            "slash",
            [
              {
                setId: setId(s),
                operator: operators[o],
                assets,
                wads: assets.map(() => WAD / 20n),
                reason: `bench slash ${k + 1}`,
              },
            ],
            GAS.slash,
            `service ${s} slashes operator ${o}`,
          ),
        );
        if (!vetoed[s]) slashes.executed++;
        else if (k % 2 === 0) {
          vetoes.push(k);
          slashes.vetoed++;
        } else slashes.requested++;
        k++;
      }
      await sender.run("slashes", txs);
      // Vetoes need the slash ids: the requests were numbered in mined order.
      const requested = await publicClient.getContractEvents({
        address: rampart,
        abi: rampartAbi,
        eventName: "SlashRequested",
        fromBlock: BigInt(firstSeededBlock),
      });
      const reasons = new Set(vetoes.map((k) => `bench slash ${k + 1}`));
      await sender.run(
        "vetoes",
        requested
          .filter((e) => reasons.has(e.args.reason as string))
          .map((e) =>
            tx(
              committee,
              rampart,
              rampartAbi,
              "vetoSlash",
              [e.args.slashId],
              GAS.veto,
              `committee vetoes slash ${e.args.slashId}`,
            ),
          ),
      );
    });

    // ── Withdrawals: ~5% of stakers queue half of a position, ~1% redelegate it; after the delay half complete;
    //    then another ~2% queue, still pending at the end.
    const sharesOf = async (picks: { staker: number; deposit: { operator: number; asset: number } }[]) => {
      const answers = await rpc.batchOrThrow<Hex>(
        picks.map((p) => ({
          method: "eth_call",
          params: [
            {
              to: rampart,
              data: encodeFunctionData({
                abi: rampartAbi,
                functionName: "sharesOf",
                args: [
                  stakers[p.staker] as Address,
                  operators[p.deposit.operator] as Address,
                  tokens[p.deposit.asset] as Address,
                ],
              }),
            },
            "latest",
          ],
        })),
      );
      return answers.map((a) => BigInt(a));
    };
    const queueRound = async (
      fraction: number,
      redelegateFraction: number,
    ): Promise<{ queued: number; redelegations: number }> => {
      const picks = stakers.flatMap((_, s) =>
        random() < fraction
          ? [
              {
                staker: s,
                deposit: (depositsOf[s] as { operator: number; asset: number }[])[0] as {
                  operator: number;
                  asset: number;
                },
              },
            ]
          : [],
      );
      const shares = await sharesOf(picks);
      let redelegations = 0;
      const txs = picks.flatMap((p, i) => {
        const amount = (shares[i] as bigint) / 2n;
        if (amount === 0n) return [];
        const from = stakers[p.staker] as Address;
        if (random() < redelegateFraction / fraction) {
          redelegations++;
          const to = (p.deposit.operator + 1 + Math.floor(random() * (operators.length - 1))) % operators.length;
          return [
            tx(
              from,
              rampart,
              rampartAbi,
              "queueRedelegation",
              [operators[p.deposit.operator], tokens[p.deposit.asset], amount, operators[to]],
              GAS.withdraw,
              `staker ${p.staker} queues a redelegation`,
            ),
          ];
        }
        return [
          tx(
            from,
            rampart,
            rampartAbi,
            "queueWithdrawal",
            [operators[p.deposit.operator], tokens[p.deposit.asset], amount, from],
            GAS.withdraw,
            `staker ${p.staker} queues a withdrawal`,
          ),
        ];
      });
      await sender.run("withdrawals", txs);
      return { queued: txs.length, redelegations };
    };
    let withdrawalsQueued = 0;
    let withdrawalsCompleted = 0;
    let redelegations = 0;
    await phase("withdrawals", async () => {
      const round1 = await queueRound(0.05, 0.01);
      const latest = await rpc.call<{ timestamp: Hex; number: Hex }>("eth_getBlockByNumber", ["latest", false]);
      await rpc.call("evm_setNextBlockTimestamp", [
        numberToHex(BigInt(latest.timestamp) + BigInt(WITHDRAWAL_DELAY + 3_600)),
      ]);
      const queued = await publicClient.getContractEvents({
        address: rampart,
        abi: rampartAbi,
        eventName: "WithdrawalQueued",
        fromBlock: BigInt(firstSeededBlock),
      });
      const completing = queued.filter((_, i) => i % 2 === 0);
      await sender.run(
        "completions",
        completing.map((e) => {
          const w = e.args.withdrawal as { staker: Address };
          return tx(
            w.staker,
            rampart,
            rampartAbi,
            "completeWithdrawal",
            [w],
            GAS.complete,
            `staker completes withdrawal ${e.args.id}`,
          );
        }),
      );
      const round2 = await queueRound(0.02, 0.002);
      withdrawalsQueued = round1.queued + round2.queued;
      redelegations = round1.redelegations + round2.redelegations;
      withdrawalsCompleted = completing.length;
    });

    const seededBlocks = sender.blocks;
    const stats: SeedStats = {
      seconds: (performance.now() - started) / 1000,
      deploySeconds,
      transactions: sender.transactions,
      blocks: seededBlocks,
      txPerBlock: { mean: sender.transactions / Math.max(1, seededBlocks), max: sender.maxPerBlock },
      gasUsed: sender.gasUsed.toString(),
      blockGasLimit: BigInt(block.gasLimit).toString(),
      blockTime: BLOCK_TIME,
      phases,
      network: {
        operators: operators.length,
        services: services.length,
        operatorSets: setIdOf.size,
        memberships,
        allocations,
        commissions,
        stakers: stakers.length,
        deposits,
        withdrawalsQueued,
        withdrawalsCompleted,
        redelegations,
        slashes,
      },
    };
    // Back to automine, so anything later behaves like a normal dev chain.
    await rpc.call("evm_setAutomine", [true]);
    return { anvil, rpcUrl: anvil.rpcUrl, deployment, stakers, operators, stats };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
