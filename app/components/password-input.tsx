// A password field with a "show password" button (ASVS 2.1.12). The button appears once the page runs JavaScript
// (it does nothing without it); pasting is never blocked (2.1.11) and nothing is cut short (maxLength only bounds what
// the server would refuse anyway).
//
// A new password's field (`strength`) also says what the server will make of it (ASVS 2.1.8): without JavaScript a
// line with the rules; with it, a meter and the verdict as the person types, read out politely (aria-live). The
// verdict is the server's own: the same rules (app/lib/password-rules.ts) on the same list of common passwords, which
// the browser fetches as a chunk of its own when the field is first focused (app/lib/common-passwords.ts).
import { useEffect, useRef, useState, type InputHTMLAttributes } from "react";
import { useT } from "~/i18n/use-locale";
import { loadCommonPasswords } from "~/lib/common-passwords";
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblemCode,
  passwordStrength,
  STRENGTH_LEVELS,
  type StrengthLevel,
} from "~/lib/password-rules";
import type { PasswordProblemCode } from "~/lib/password-rules";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string; name: string; strength?: boolean };
type Verdict = { problem: PasswordProblemCode | null; level: StrengthLevel };

const NONE: ReadonlySet<string> = new Set();

export function PasswordInput({ strength = false, ...props }: Props) {
  const { t } = useT();
  const [ready, setReady] = useState(false);
  const [shown, setShown] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const typed = useRef("");
  useEffect(() => setReady(true), []);

  const list = useRef<ReadonlySet<string> | null>(null);
  const judge = (value: string) => {
    typed.current = value;
    if (!value) return setVerdict(null);
    if (list.current) return setVerdict(passwordStrength(value, list.current));
    // Before the list has arrived (the first time only): the length is known at once, the rest follows.
    const early = passwordProblemCode(value, NONE);
    setVerdict(early ? { problem: early, level: "refused" } : null);
    void loadCommonPasswords().then(
      (loaded) => {
        list.current = loaded;
        if (typed.current) setVerdict(passwordStrength(typed.current, loaded));
      },
      () => undefined, // offline and not cached: the server still checks on submit
    );
  };

  const hintId = `${props.id}-strength`;
  const describedBy = strength ? [props["aria-describedby"], hintId].filter(Boolean).join(" ") : props["aria-describedby"];
  const words =
    verdict === null
      ? t("auth.password.rules", { min: PASSWORD_MIN, max: PASSWORD_MAX })
      : verdict.problem
        ? t(`auth.password.${verdict.problem}`, { min: PASSWORD_MIN, max: PASSWORD_MAX })
        : t(`auth.password.strength.${verdict.level as Exclude<StrengthLevel, "refused">}`);
  return (
    <>
      <div style={{ display: "flex", gap: "0.5rem", alignItems: "stretch" }}>
        <input
          {...props}
          type={shown ? "text" : "password"}
          style={{ flex: "1 1 auto", minWidth: 0 }}
          aria-describedby={describedBy || undefined}
          onFocus={(e) => {
            if (strength) void loadCommonPasswords().catch(() => undefined);
            props.onFocus?.(e);
          }}
          onInput={(e) => {
            if (strength) judge(e.currentTarget.value);
            props.onInput?.(e);
          }}
        />
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
      {strength ? (
        <div className="small" data-testid={hintId} data-level={verdict?.level ?? ""}>
          {ready && verdict ? (
            <meter
              min={0}
              max={STRENGTH_LEVELS.length - 1}
              low={1}
              high={2}
              optimum={STRENGTH_LEVELS.length - 1}
              value={STRENGTH_LEVELS.indexOf(verdict.level)}
              aria-label={t("auth.password.strength.label")}
              style={{ width: "100%" }}
            />
          ) : null}
          <p id={hintId} className="muted" aria-live="polite" style={{ margin: 0 }}>
            {words}
          </p>
        </div>
      ) : null}
    </>
  );
}
