import { DefaultNamingStrategy, type NamingStrategyInterface, type Table, type View } from 'typeorm';

const snake = (value: string) =>
  value
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase();

const bare = (tableOrName: Table | View | string) => {
  const name = typeof tableOrName === 'string' ? tableOrName : tableOrName.name;
  return name.split('.').pop() ?? name;
};

/**
 * snake_case tables and columns (`receivedOn` → `received_on`, relation `agency` → `agency_id`).
 * Constraint and index names follow PostgreSQL's own convention (`agency_pkey`, `agency_parent_id_fkey`,
 * `case_received_on_idx`) instead of TypeORM's hashes, so migrations and error messages are readable.
 * Written here because typeorm-naming-strategies, the usual package, is unmaintained and its peer
 * range stops at TypeORM 0.3.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snake(className);
  }

  override columnName(
    propertyName: string,
    customName: string | undefined,
    embeddedPrefixes: string[],
  ): string {
    return snake(embeddedPrefixes.concat(customName ?? propertyName).join('_'));
  }

  override relationName(propertyName: string): string {
    return snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return snake(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}_${secondTableName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snake(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return `${bare(tableOrName)}_pkey`;
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `${bare(tableOrName)}_${columnNames.join('_')}_key`;
  }

  override relationConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `${bare(tableOrName)}_${columnNames.join('_')}_rel`;
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `${bare(tableOrName)}_${columnNames.join('_')}_fkey`;
  }

  override indexName(tableOrName: Table | View | string, columns: string[]): string {
    return `${bare(tableOrName)}_${columns.join('_')}_idx`;
  }
}
