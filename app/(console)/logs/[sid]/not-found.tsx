import Link from "next/link";

/** A message that does not exist (or is another account's): send the user back to the logs, not to the services. */
export default function MessageNotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">This message could not be found</h1>
      <p className="text-sm text-slate-500">It does not exist, or it belongs to another account.</p>
      <Link href="/logs" className="text-sm font-medium text-indigo-700 hover:underline">
        Back to Message Logs
      </Link>
    </main>
  );
}
