/**
 * An action named in a list or a drop-down: its ref, then its words cut to fit the line
 * (the full text is on the action's own screen).
 */
export function actionLabel(action: { ref: string | null; text: string }, maxLength: number): string {
  const text = action.text.length > maxLength ? `${action.text.slice(0, maxLength - 1)}…` : action.text;
  return `${action.ref ? `Ref ${action.ref}: ` : ''}${text}`;
}
