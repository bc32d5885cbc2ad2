interface LoadingProps {
  label: string;
}

/** A quiet loading line; aria-busy rather than a live region, so status regions stay few. */
export function Loading({ label }: LoadingProps) {
  return (
    <p className="loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
