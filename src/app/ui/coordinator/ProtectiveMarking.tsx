import { protectiveMarkingLine, type PartnershipDetails } from '../../../domain/partnership-details';

/** The partnership's protective marking as a printed report carries it, at its top and its foot; nothing when it has none. */
export function ProtectiveMarking({ details }: { details: PartnershipDetails | undefined }) {
  const marking = protectiveMarkingLine(details);
  if (marking === null) return null;
  return (
    <p className="protective-marking" data-testid="protective-marking">
      {marking}
    </p>
  );
}
