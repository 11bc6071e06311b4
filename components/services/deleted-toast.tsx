"use client";

import { useEffect } from "react";
import { toast } from "sonner";

/** The delete action redirects here; the toast survives the navigation this way. */
export function DeletedToast() {
  useEffect(() => {
    toast.success("Service deleted");
    window.history.replaceState(null, "", "/services");
  }, []);
  return null;
}
