// Who is who on the local network: anvil's deterministic dev accounts (the default "test test ... junk" mnemonic,
// derivation path m/44'/60'/0'/0/i), each with 10,000 ETH. The same index always has the same address and role.

/** anvil's default mnemonic, passed explicitly so that the accounts never change under us. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";
export const DEV_ACCOUNT_COUNT = 40;

/** Account index of each role. docs/network.md lists the same table. */
export const ROLES = {
  /** Deploys everything and is the timelock's proposer: "governance". */
  governance: 0,
  /** Posts the rewards distribution roots (RampartRewards' updater). */
  rewardsUpdater: 0,
  pauser: 1,
  unpauser: 2,
  /** Seven operators: #3 to #9. */
  operators: [3, 4, 5, 6, 7, 8, 9],
  /** Four services: #10 to #13. */
  services: { da: 10, bridge: 11, oracle: 12, sequencer: 13 },
  bridgeVetoCommittee: 14,
  bridgeSlashRecipient: 15,
  oracleVetoCommittee: 16,
  sequencerSlashRecipient: 17,
  /** Left untouched by the scenario: yours to register an operator or a service of your own. */
  free: [18, 19],
  /** Twenty stakers: #20 to #39. */
  stakers: Array.from({ length: 20 }, (_, i) => 20 + i),
} as const;

/** Who is who among the dev accounts, for the web app's account picker: { "20": "staker", … }. */
export function devAccountLabels(): Record<string, string> {
  const labels: Record<string, string> = {
    [ROLES.governance]: "governance, rewards updater",
    [ROLES.pauser]: "pauser",
    [ROLES.unpauser]: "unpauser",
    [ROLES.bridgeVetoCommittee]: "bridge veto committee",
    [ROLES.bridgeSlashRecipient]: "bridge slash recipient",
    [ROLES.oracleVetoCommittee]: "oracle veto committee",
    [ROLES.sequencerSlashRecipient]: "sequencer slash recipient",
  };
  for (const i of ROLES.operators) labels[i] = "operator";
  for (const [name, i] of Object.entries(ROLES.services)) labels[i] = `service (${name})`;
  for (const i of ROLES.free) labels[i] = "free";
  for (const i of ROLES.stakers) labels[i] = "staker";
  return labels;
}

/** One line per role, for the banner and the docs. */
export function describeRoles(): string[] {
  const range = (list: readonly number[]): string => `#${list[0]}-#${list[list.length - 1]}`;
  const s = ROLES.services;
  return [
    `#${ROLES.governance} governance (deployer, timelock proposer, rewards updater), #${ROLES.pauser} pauser, #${ROLES.unpauser} unpauser`,
    `${range(ROLES.operators)} operators`,
    `#${s.da} DA layer, #${s.bridge} bridge, #${s.oracle} oracle, #${s.sequencer} sequencer (services)`,
    `#${ROLES.bridgeVetoCommittee} bridge veto committee, #${ROLES.oracleVetoCommittee} oracle veto committee, ` +
      `#${ROLES.bridgeSlashRecipient} / #${ROLES.sequencerSlashRecipient} slash recipients`,
    `${range(ROLES.free)} free (untouched), ${range(ROLES.stakers)} stakers`,
  ];
}
