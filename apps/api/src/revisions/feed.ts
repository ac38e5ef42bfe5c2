/** One entry of the public Atom feed. */
export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly updated: string;
  readonly summary: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** An Atom 1.0 feed (RFC 4287) of new public revisions and compilations. */
export function atomFeed(options: { readonly id: string; readonly title: string; readonly self: string; readonly entries: readonly FeedEntry[] }): string {
  const updated = options.entries.map((e) => e.updated).sort().at(-1) ?? new Date(0).toISOString();
  const entries = options.entries.map(
    (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" href="${escapeXml(e.link)}"/>
    <updated>${escapeXml(e.updated)}</updated>
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(options.id)}</id>
  <title>${escapeXml(options.title)}</title>
  <link rel="self" href="${escapeXml(options.self)}"/>
  <updated>${escapeXml(updated)}</updated>
  <author><name>Concord</name></author>
${entries.join('\n')}
</feed>
`;
}
