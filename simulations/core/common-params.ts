/**
 * Param specs that several topics share, declared once. A topic takes one as it is or
 * spreads it with its own default, label or help (`param({ ...LOSS_PERCENT, default: 20 })`):
 * the name, range and unit stay in one place.
 */
import { SEED_PARAM } from './params';
import { param } from './scenario';

export { SEED_PARAM };

/** A loss rate in whole percent. Above 50 % almost nothing gets through: nothing left to show. */
export const LOSS_PERCENT = param({
  name: 'loss',
  kind: 'int',
  label: { ko: '손실률 (%)', en: 'Loss rate (%)' },
  help: { ko: '각 전송이 손실될 확률 (시드로 재현).', en: 'Chance that any one transmission is lost (replayed by the seed).' },
  min: 0,
  max: 50,
  unit: '%',
  default: 0,
});
