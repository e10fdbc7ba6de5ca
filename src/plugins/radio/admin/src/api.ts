import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AudioStatus, AudioView, PolicyScript } from '../../contracts';
import { PLUGIN_ID } from './pluginId';

export type { AudioStatus, AudioView, PolicyScript };

const SETTLED: AudioStatus[] = ['none', 'ready', 'no-voice', 'failed'];
const POLL_MS = 2000;

/** A script's audio state, polled while it is queued or rendering; `render()` asks for (new) audio. */
export const useScriptAudio = (documentId: string | undefined) => {
  const { get, post } = useFetchClient();
  const [view, setView] = React.useState<AudioView | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    if (!documentId) return;
    try {
      const { data } = await get<{ data: AudioView }>(`/${PLUGIN_ID}/scripts/${documentId}/audio`);
      setView(data.data);
    } catch {
      setView(null);
    }
  }, [documentId, get]);

  React.useEffect(() => {
    void load();
  }, [load]);

  React.useEffect(() => {
    if (!view || SETTLED.includes(view.audioStatus)) return undefined;
    const timer = window.setTimeout(() => void load(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [view, load]);

  const render = React.useCallback(async () => {
    if (!documentId) return false;
    try {
      await post(`/${PLUGIN_ID}/scripts/${documentId}/render-audio`, {});
      setError(null);
      await load();
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    }
  }, [documentId, post, load]);

  return { view, error, render };
};

/** The radio scripts of a policy. */
export const usePolicyScripts = (documentId: string | undefined) => {
  const { get } = useFetchClient();
  const [scripts, setScripts] = React.useState<PolicyScript[]>([]);
  React.useEffect(() => {
    if (!documentId) return;
    let cancelled = false;
    get<{ data: PolicyScript[] }>(`/${PLUGIN_ID}/policies/${documentId}/scripts`)
      .then(({ data }) => {
        if (!cancelled) setScripts(data.data);
      })
      .catch(() => {
        if (!cancelled) setScripts([]);
      });
    return () => {
      cancelled = true;
    };
  }, [documentId, get]);
  return scripts;
};
