import { redirect } from "next/navigation";
import { currentViewer } from "@/lib/server/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/server/security/safe-callback-path";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentViewer()) redirect("/overview");
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">Sign in to Switchyard</h1>
        <p className="mb-6 mt-1 text-sm text-slate-500">Messaging Services console</p>
        <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
      </div>
    </main>
  );
}
