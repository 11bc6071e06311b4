import Link from "next/link";
import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { listOptOutHistory, listOptOuts } from "@/lib/server/services/opt-out/opt-out-list";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AddOptOutForm } from "@/components/opt-out/add-opt-out-form";
import { OptOutNav } from "@/components/opt-out/opt-out-nav";
import { OptOutHistoryTable, OptOutTable } from "@/components/opt-out/opt-out-tables";

const PAGE_SIZE = 50;

export default async function OptOutListPage({ params, searchParams }: { params: Promise<{ sid: string }>; searchParams: Promise<{ q?: string; page?: string }> }) {
  const { viewer, service } = await loadServiceForPage((await params).sid);
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.trim() : "";
  const page = Math.max(0, Number.parseInt(sp.page ?? "0", 10) || 0);
  const [list, history] = await Promise.all([
    listOptOuts(viewer.accountSid, service.sid, { search: q, skip: page * PAGE_SIZE, take: PAGE_SIZE }),
    listOptOutHistory(viewer.accountSid, service.sid, { search: q, take: 20 }),
  ]);
  const base = `/services/${service.sid}/opt-out/list`;
  const withPage = (p: number) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  const exportHref = `/api/console/opt-outs/export?${new URLSearchParams({ serviceSid: service.sid, ...(q ? { q } : {}) })}`;
  return (
    <>
      <OptOutNav sid={service.sid} current="list" />
      <Card
        title="Opt-out list"
        description="Recipients who opted out of this service: sends to them fail with error 21610 until they text START or you remove them."
        actions={
          <a href={exportHref} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        }
      >
        <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
          <form role="search" aria-label="Search the opt-out list" className="flex items-end gap-2" action={base}>
            <div className="space-y-1">
              <label htmlFor="opt-out-search" className="block text-sm font-medium text-slate-700">
                Search numbers
              </label>
              <input id="opt-out-search" name="q" defaultValue={q} placeholder="+1415" className="block w-56 rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300" />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Search
            </button>
            {q ? (
              <Link href={base} className="px-2 py-2 text-sm text-indigo-700 underline">
                Clear
              </Link>
            ) : null}
          </form>
          <AddOptOutForm serviceSid={service.sid} />
        </div>
        <OptOutTable serviceSid={service.sid} rows={list.items} searching={Boolean(q)} />
        <div className="mt-3 flex items-center justify-between text-sm text-slate-500">
          <p role="status">
            {list.total} {list.total === 1 ? "recipient" : "recipients"}
            {q ? ` matching “${q}”` : ""}
          </p>
          <div className="flex gap-3">
            {page > 0 ? <Link href={withPage(page - 1)}>Previous page</Link> : null}
            {(page + 1) * PAGE_SIZE < list.total ? <Link href={withPage(page + 1)}>Next page</Link> : null}
          </div>
        </div>
      </Card>
      <Card title="History" description="Every addition and removal, with who and when (newest first).">
        <OptOutHistoryTable rows={history} />
      </Card>
    </>
  );
}
