// A password field with a "show password" button (ASVS 2.1.12). The button appears once the page runs JavaScript
// (it does nothing without it); pasting is never blocked (2.1.11) and nothing is cut short (maxLength only bounds what
// the server would refuse anyway).
import { useEffect, useState, type InputHTMLAttributes } from "react";
import { useT } from "~/i18n/use-locale";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string; name: string };

export function PasswordInput(props: Props) {
  const { t } = useT();
  const [ready, setReady] = useState(false);
  const [shown, setShown] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <div style={{ display: "flex", gap: "0.5rem", alignItems: "stretch" }}>
      <input {...props} type={shown ? "text" : "password"} style={{ flex: "1 1 auto", minWidth: 0 }} />
      {ready ? (
        <button
          type="button"
          className="button--ghost"
          aria-controls={props.id}
          aria-pressed={shown}
          data-testid={`${props.id}-show`}
          onClick={() => setShown((s) => !s)}
        >
          {t("auth.password.show")}
        </button>
      ) : null}
    </div>
  );
}
