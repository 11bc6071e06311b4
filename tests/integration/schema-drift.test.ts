import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

/**
 * schema.prisma and the migrated database must agree, both ways: tables,
 * columns (name, base type, nullability), indexes (columns, uniqueness) and
 * foreign keys (columns, ON DELETE), partial-index predicates. Prisma's schema engine cannot run here,
 * so this uses its own schema parser (the same WASM module the CLI uses) and
 * compares with the catalog of the database the migrations produced.
 */
interface Field {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  relationFromFields?: string[];
  relationOnDelete?: string;
}
interface Model {
  name: string;
  dbName: string | null;
  fields: Field[];
}
interface Index {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

const schemaText = readFileSync("prisma/schema.prisma", "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as {
  datamodel: { models: Model[]; indexes: Index[] };
};

/** Partial-index predicates, which the DMMF leaves out: "Model(field,field)" -> the raw SQL of `where: raw(...)`. */
const predicates = new Map<string, string>();
for (const [, model, body] of schemaText.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
  for (const [, fields, raw] of (body as string).matchAll(/@@(?:index|unique)\(\[([^\]]*)\][^\n]*?where:\s*raw\("((?:[^"\\]|\\.)*)"\)/g)) {
    predicates.set(`${model}(${(fields as string).split(",").map((f) => f.trim()).join(",")})`, (raw as string).replace(/\\"/g, '"'));
  }
}
/** Postgres prints `("from" IS NOT NULL)` and `(direction = 'inbound'::text)`; compare without quotes, casts and parentheses. */
const normalizePredicate = (p: string | null | undefined) => (p ? p.replace(/::\w+/g, "").replace(/[()"]/g, "").replace(/\s+/g, " ").trim().toLowerCase() : "");

const pgType: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Float: "float8",
  Decimal: "numeric",
  Bytes: "bytea",
};

const onDeleteCode: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a", SetDefault: "d" };

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cols = await client.query<{ table_name: string; column_name: string; is_nullable: string; udt_name: string }>(
      `SELECT table_name, column_name, is_nullable, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const idx = await client.query<{ table: string; unique: boolean; cols: string[]; pred: string | null }>(
      `SELECT t.relname AS table, i.indisunique AS unique, pg_get_expr(i.indpred, i.indrelid) AS pred,
              array_agg(a.attname::text ORDER BY k.ord) AS cols
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        GROUP BY t.relname, i.indexrelid, i.indisunique, i.indpred, i.indrelid`,
    );
    const fks = await client.query<{ table: string; cols: string[]; ref: string; on_delete: string }>(
      `SELECT t.relname AS table, r.relname AS ref, c.confdeltype AS on_delete,
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o) AS cols
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE c.contype = 'f'`,
    );
    return { cols: cols.rows, idx: idx.rows, fks: fks.rows };
  } finally {
    await client.end();
  }
}

describe("schema.prisma vs the migrated database", () => {
  it("agree on tables, columns, indexes and foreign keys", async () => {
    const db = await catalog(process.env.DATABASE_URL as string);
    const problems: string[] = [];
    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const table = (m: Model) => m.dbName ?? m.name;
    const column = (m: Model, field: string) => {
      const f = m.fields.find((x) => x.name === field);
      return f?.dbName ?? field;
    };

    const expectedCols = new Set<string>();
    for (const m of models.values()) {
      for (const f of m.fields) {
        if (f.kind === "object") continue;
        const key = `${table(m)}.${f.dbName ?? f.name}`;
        expectedCols.add(key);
        const c = db.cols.find((x) => `${x.table_name}.${x.column_name}` === key);
        if (!c) {
          problems.push(`missing column ${key}`);
          continue;
        }
        const type = f.kind === "enum" ? f.type : pgType[f.type];
        const actual = f.isList ? c.udt_name.replace(/^_/, "") : c.udt_name;
        if (type !== actual) problems.push(`${key}: database type ${c.udt_name}, schema ${f.type}${f.isList ? "[]" : ""}`);
        if (!f.isList && (c.is_nullable === "YES") === f.isRequired) problems.push(`${key}: nullability differs`);
      }
    }
    for (const c of db.cols) {
      const key = `${c.table_name}.${c.column_name}`;
      if (c.table_name !== "_prisma_migrations" && !expectedCols.has(key)) problems.push(`column ${key} is not in schema.prisma`);
    }

    const sig = (t: string, cols: string[], unique: boolean, pred?: string | null) =>
      `${t}(${cols.join(",")})${unique ? " unique" : ""}${pred ? ` where ${normalizePredicate(pred)}` : ""}`;
    const expectedIdx = dmmf.datamodel.indexes
      .filter((i) => i.type !== "fulltext")
      .map((i) => {
        const m = models.get(i.model) as Model;
        const pred = predicates.get(`${i.model}(${i.fields.map((f) => f.name).join(",")})`);
        return sig(table(m), i.fields.map((f) => column(m, f.name)), i.type !== "normal", pred);
      });
    const actualIdx = db.idx.filter((i) => i.table !== "_prisma_migrations").map((i) => sig(i.table, i.cols, i.unique, i.pred));
    for (const e of expectedIdx) if (!actualIdx.includes(e)) problems.push(`missing index ${e}`);
    for (const a of actualIdx) if (!expectedIdx.includes(a)) problems.push(`index ${a} is not in schema.prisma`);

    const expectedFks: string[] = [];
    for (const m of models.values()) {
      for (const f of m.fields) {
        if (f.kind !== "object" || !f.relationFromFields?.length) continue;
        const target = models.get(f.type) as Model;
        const onDelete = onDeleteCode[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")];
        expectedFks.push(`${table(m)}(${f.relationFromFields.map((x) => column(m, x)).join(",")}) -> ${table(target)} on delete ${onDelete}`);
      }
    }
    const actualFks = db.fks.map((f) => `${f.table}(${f.cols.join(",")}) -> ${f.ref} on delete ${f.on_delete}`);
    for (const e of expectedFks) if (!actualFks.includes(e)) problems.push(`missing foreign key ${e}`);
    for (const a of actualFks) if (!expectedFks.includes(a)) problems.push(`foreign key ${a} is not in schema.prisma`);

    expect(problems).toEqual([]);
  });
});
