// Transaction toasts: pending, confirmed and failed, each with its hash. A tiny store outside React so any code path
// (including async transaction code) can post to it.
import { useSyncExternalStore } from "react";
import { useAppConfig } from "../context.ts";

export interface Toast {
  id: number;
  kind: "pending" | "confirmed" | "failed";
  title: string;
  detail?: string;
  hash?: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function postToast(toast: Omit<Toast, "id">): number {
  const id = nextId++;
  toasts = [...toasts, { ...toast, id }];
  emit();
  return id;
}

export function updateToast(id: number, patch: Partial<Omit<Toast, "id">>): void {
  toasts = toasts.map((t) => (t.id === id ? { ...t, ...patch } : t));
  emit();
  if (patch.kind === "confirmed") setTimeout(() => dismissToast(id), 8_000);
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function Toasts() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
  const config = useAppConfig();
  return (
    <section className="toasts" aria-live="polite" aria-label="Transactions">
      {list.map((t) => (
        <div key={t.id} className={`notice ${t.kind === "failed" ? "error" : t.kind === "pending" ? "info" : "ok"}`}>
          <strong>
            {t.kind === "pending" ? "Pending: " : t.kind === "confirmed" ? "Confirmed: " : "Failed: "}
            {t.title}
          </strong>
          {t.detail ? <div>{t.detail}</div> : null}
          {t.hash ? (
            <div className="mono break small-text">
              Tx{" "}
              {config.explorerTxUrl ? (
                <a href={config.explorerTxUrl.replace("{hash}", t.hash)} target="_blank" rel="noreferrer">
                  {t.hash}
                </a>
              ) : (
                t.hash
              )}
            </div>
          ) : null}
          <button type="button" className="small secondary" onClick={() => dismissToast(t.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
