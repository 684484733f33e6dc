import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * Every request DTO of the API (and so of the console forms mapped to them): a nested object is
 * checked to be an object (`RequiredObject`/`OptionalObject`), otherwise `undefined` or `[]` reach the
 * service as a TypeError (review ROBUST #2); required text uses `IsNotBlank`, not `IsNotEmpty` (#12).
 */
const srcDir = path.resolve(import.meta.dirname, '../..');
const dtoFiles = fs
  .readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /(^|\/)dto\/[^/]+\.ts$/.test(f) && !f.endsWith('.spec.ts'));

describe('request DTOs', () => {
  let classes: Array<new () => object>;

  beforeAll(async () => {
    // One at a time: Jest's ESM loader trips over concurrent first imports of a shared module.
    const modules: object[] = [];
    for (const f of dtoFiles) modules.push((await import(path.join(srcDir, f))) as object);
    classes = modules.flatMap((m) =>
      Object.values(m).filter((v): v is new () => object => typeof v === 'function'),
    );
  });

  const rules = (cls: new () => object) =>
    getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);

  it('are found', () => {
    expect(dtoFiles.length).toBeGreaterThan(10);
    expect(classes.some((c) => rules(c).length > 0)).toBe(true);
  });

  it('check that every nested object is an object', () => {
    const unchecked = classes.flatMap((cls) => {
      const all = rules(cls);
      return all
        .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)
        .filter(
          (m) =>
            !all.some(
              (o) => o.propertyName === m.propertyName && ['isObject', 'isArray'].includes(o.name ?? ''),
            ),
        )
        .map((m) => `${cls.name}.${m.propertyName}`);
    });
    expect(unchecked).toEqual([]);
  });

  it('use IsNotBlank for required text', () => {
    const notEmpty = classes.flatMap((cls) =>
      rules(cls)
        .filter((m) => m.name === 'isNotEmpty')
        .map((m) => `${cls.name}.${m.propertyName}`),
    );
    expect(notEmpty).toEqual([]);
  });
});
