import type { Address } from "viem";
import { localStandInLstAbi, localStandInWethAbi } from "../abis.ts";
import { type RampartClient, write } from "../client.ts";
import type { DeployedAsset } from "../deployment.ts";
import { RampartError } from "../errors.ts";
import { parseAddress, resolveAsset } from "../reads/internal.ts";
import { accountAddress, type TransactionInfo, transactionInfo } from "./internal.ts";

export interface MintTestTokensParams {
  /** A local stand-in asset of the deployment. */
  asset: string | DeployedAsset;
  amount: bigint;
  /** Who receives them (default: the client's account). WETH is wrapped from the account's ETH, then sent. */
  to?: Address;
}

/**
 * Local network only: mints LST stand-in tokens (`LocalStandInLST.mint`), or wraps the account's ETH into the WETH
 * stand-in (`deposit()`). Refuses assets that are not local stand-ins.
 * @example
 * await mintTestTokens(client, { asset: "wstETH", amount: parseAmount("100", 18) });
 */
export async function mintTestTokens(
  client: RampartClient,
  params: MintTestTokensParams,
): Promise<TransactionInfo & { asset: Address; to: Address; amount: bigint }> {
  const account = accountAddress(client);
  const asset = resolveAsset(client, params.asset);
  const to = params.to ? parseAddress(params.to, "recipient address") : account;
  if (!asset.localStandIn) {
    throw new RampartError(`${asset.symbol} is a real token, not a local stand-in: it cannot be minted`, {
      hint: "acquire it the usual way; minting works only for the local network's test tokens",
    });
  }
  if (params.amount <= 0n) throw new RampartError("the amount must be greater than zero");
  if (asset.kind === "WETH") {
    const balance = await client.publicClient.getBalance({ address: account });
    if (balance < params.amount) {
      throw new RampartError(`amount above balance: ${account} has less ETH than it would wrap`, {
        hint: "wrap less ETH",
      });
    }
    let { receipt } = await write(
      client,
      { address: asset.address, abi: localStandInWethAbi, functionName: "deposit", args: [], value: params.amount },
      "wrapping ETH",
    );
    if (to.toLowerCase() !== account.toLowerCase()) {
      ({ receipt } = await write(
        client,
        { address: asset.address, abi: localStandInWethAbi, functionName: "transfer", args: [to, params.amount] },
        "sending WETH",
      ));
    }
    return { ...transactionInfo(receipt), asset: asset.address, to, amount: params.amount };
  }
  if (asset.kind !== "LST") {
    throw new RampartError(`${asset.symbol} has no mint function`, {
      hint: "only LST and WETH stand-ins can be minted",
    });
  }
  const { receipt } = await write(
    client,
    { address: asset.address, abi: localStandInLstAbi, functionName: "mint", args: [to, params.amount] },
    `minting ${asset.symbol}`,
  );
  return { ...transactionInfo(receipt), asset: asset.address, to, amount: params.amount };
}
