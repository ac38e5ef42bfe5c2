import { Column, type ColumnOptions } from 'typeorm';

/**
 * A binary column that works on both engines. SQLite's `blob` and PostgreSQL's `bytea` have no common TypeORM
 * type, so the bytes are stored as base64 text; Yjs updates are small and the cost is a third more space.
 */
export function BinaryColumn(options: Omit<ColumnOptions, 'type' | 'transformer'> = {}): PropertyDecorator {
  return Column('text', {
    ...options,
    transformer: {
      to: (value: Uint8Array | null | undefined) => (value == null ? value : Buffer.from(value).toString('base64')),
      from: (value: string | null | undefined) => (value == null ? value : Buffer.from(value, 'base64')),
    },
  });
}
