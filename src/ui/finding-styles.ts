/**
 * The look of one finding in a list (a check's finding, a tie-out's), shared so both read alike:
 * a bordered card, an error's bar solid red, a warning's yellow (Windows high contrast draws every
 * border in one colour: an error's bar stays solid, a warning's turns dashed where the list says so).
 */
import { tokens } from '@fluentui/react-components';

export const FINDING_CARD = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalXS,
  padding: tokens.spacingHorizontalS,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  minWidth: 0,
  overflowWrap: 'anywhere',
} as const;

export const FINDING_ERROR_BAR = { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` } as const;
