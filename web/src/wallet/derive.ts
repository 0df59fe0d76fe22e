// anvil's dev accounts, derived in the browser: one seed computation for the BIP-44 parent (m/44'/60'/0'/0) with
// viem's mnemonicToAccount, then one cheap child key per index. No DOM, no React: unit-tested in test/web.test.ts.
import { toHex } from "viem";
import { mnemonicToAccount, type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";

/** anvil's default mnemonic: public, for local development only. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

let derived: PrivateKeyAccount[] | undefined;

/** Dev accounts 0..count-1 (m/44'/60'/0'/0/i), cached. */
export function deriveDevAccounts(count: number): PrivateKeyAccount[] {
  if (derived && derived.length >= count) return derived.slice(0, count);
  const parent = mnemonicToAccount(DEV_MNEMONIC, { path: "m/44'/60'/0'/0" }).getHdKey();
  derived = Array.from({ length: count }, (_, i) => {
    const key = parent.deriveChild(i).privateKey;
    if (!key) throw new Error(`dev account ${i} has no private key`);
    return privateKeyToAccount(toHex(key));
  });
  return derived;
}
