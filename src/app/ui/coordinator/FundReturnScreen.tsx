import { useParams } from 'react-router';
import { usePlans } from '../../data/plan-hooks';
import { useFundReturn } from '../../data/fund-return-hooks';
import { Loading } from '../components/Loading';
import { NotOnDevice } from './NotOnDevice';
import { FundReturnForm } from './fund-return/FundReturnForm';

/**
 * The PCC Community Safety Fund return for a plan: the grant, and the expenditure lines with
 * their objectives (start of year) and progress (mid-year, end-year), cost and other funding.
 * The titles stay the same all year, as the PCC's template asks. Printable returns follow.
 */
export default function FundReturnScreen() {
  const { planId = '' } = useParams();
  const plans = usePlans();
  const fund = useFundReturn(planId);
  const view = plans?.find((p) => p.plan.id === planId);
  if (!plans || fund === undefined) return <Loading what="Loading the return" />;
  if (!view) {
    return <NotOnDevice title="Plan not found" back={{ to: '/reports', label: 'Back to reports' }} />;
  }
  // Keyed by version: when a save (ours or another coordinator's) arrives, the form starts from it.
  return <FundReturnForm key={fund?.version ?? 'new'} view={view} fund={fund} />;
}
