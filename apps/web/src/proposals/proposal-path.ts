/** The address of a proposal's page. */
export function proposalPath(id: string): string {
  return `/proposals/${encodeURIComponent(id)}`;
}
