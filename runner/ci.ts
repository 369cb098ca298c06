// Whether porgs-lint runs in CI, where the checked repository may come from a stranger's pull
// request and the machine may hold other checkouts (a self-hosted runner).
export function runsInCI(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value.toLowerCase() !== 'false';
}
