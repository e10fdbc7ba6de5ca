import type { SpeechProvider, SpeechSettings } from '../provider';
import { espeakProvider } from './espeak-ng';
import { fptAiProvider } from './fpt-ai';

/** The provider `radio.speech` names (config/radio.ts has already refused an unknown name). */
export const speechProvider = (settings: SpeechSettings): SpeechProvider =>
  settings.provider === 'fpt-ai' ? fptAiProvider(settings) : espeakProvider({ voice: settings.voice });
