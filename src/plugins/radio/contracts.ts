/** What the radio plugin's admin routes answer and its admin panels read, declared once for both sides. */

export type AudioStatus = 'none' | 'pending' | 'rendering' | 'ready' | 'no-voice' | 'failed';

/** `GET /radio/scripts/:documentId/audio`: where a script's audio stands. */
export type AudioView = { audioStatus: AudioStatus; audioMessage: string | null; audio: { url: string; mime: string; name: string } | null };

/** One entry of `GET /radio/policies/:documentId/scripts`. */
export type PolicyScript = AudioView & {
  documentId: string;
  title: string;
  language: string;
  priority: string;
  estimatedSeconds: number | null;
  generated: boolean;
  published: boolean;
  updatedAt: string;
};

/** `POST /radio/scripts/:documentId/render-audio` (202): the audio is queued, or already rendering. */
export type RenderRequest = { audioStatus: 'pending' | 'rendering' };
