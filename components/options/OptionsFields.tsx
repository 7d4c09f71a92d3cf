/** The labelled inputs of the options page: each field has its label, its hint and its error, linked for screen readers. */
import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
}

function Hint({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function ListField({ id, label, hint, error, value, onInput }: FieldProps & { value: string; onInput: (value: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        value={value}
        spellcheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <Hint id={id} hint={hint} error={error} />
    </div>
  );
}

export function NumberField({
  id,
  label,
  hint,
  error,
  value,
  min,
  max,
  onInput,
}: FieldProps & { value: string; min: number; max: number; onInput: (value: string) => void }) {
  return (
    <div class="field field-inline">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <Hint id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  value,
  choices,
  onChange,
}: Omit<FieldProps, 'error'> & { value: string; choices: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <div class="field field-inline">
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-describedby={describedBy(id, hint, undefined)} onChange={(e) => onChange(e.currentTarget.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <Hint id={id} hint={hint} />
    </div>
  );
}

export function CheckboxField({ id, label, hint, checked, onChange }: Omit<FieldProps, 'error'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="field field-check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
    </div>
  );
}
