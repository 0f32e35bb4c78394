import { useId } from 'preact/hooks';

interface Props {
  value: string;
  label: string;
  placeholder: string;
  testId: string;
  onChange: (value: string) => void;
}

/** A labelled search field that reports every change (the caller debounces). */
export function SearchBox({ value, label, placeholder, testId, onChange }: Props) {
  const id = useId();
  return (
    <form role="search" class="search-box" onSubmit={(e) => e.preventDefault()}>
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        autocomplete="off"
        data-testid={testId}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    </form>
  );
}
