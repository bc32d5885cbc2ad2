/** Schema files, imported as their text (esbuild's text loader, a Vite plugin in tests). */
declare module '*.sql' {
  const text: string;
  export default text;
}
