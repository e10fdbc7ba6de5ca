import { Box } from '@strapi/design-system';

/**
 * Progress toward a 100 % target, drawn with design-system boxes: the design system's ProgressBar
 * is made for dark overlays (upload progress), light on dark, and has a fixed width.
 */
export const TargetBar = ({ value, label }: { value: number | null; label: string }) => {
  const width = Math.max(0, Math.min(100, value ?? 0));
  return (
    <Box
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      background="neutral150"
      hasRadius
      height="0.8rem"
      width="100%"
      overflow="hidden"
    >
      <Box background={width >= 100 ? 'success500' : 'primary600'} height="100%" style={{ width: `${width}%` }} />
    </Box>
  );
};
