import { RAG_LABEL, type Rag } from '../../../domain/progress/rag';

/** A RAG status in words and colour (never colour alone); "suggested" when it is the numbers' suggestion, not the coordinator's. */
export function RagTag({ rag, suggested = false }: { rag: Rag | null; suggested?: boolean }) {
  if (!rag) return <span className="muted">No target</span>;
  return (
    <span className={`rag rag--${rag}`} data-rag={rag}>
      {RAG_LABEL[rag]}
      {suggested && <span className="rag__note"> (suggested)</span>}
    </span>
  );
}
