"use client";

import { useEffect } from "react";
import { toast } from "sonner";

/** An action that redirects cannot raise its toast; the page it lands on does, then drops the marker from the URL. */
export function RedirectToast({ message, path }: { message: string; path: string }) {
  useEffect(() => {
    toast.success(message);
    window.history.replaceState(null, "", path);
  }, [message, path]);
  return null;
}
