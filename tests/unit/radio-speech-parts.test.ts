import fc from 'fast-check';
import { env } from '@strapi/utils';
import radioConfig from '../../config/radio';
import { speechProvider } from '../../src/api/radio-script/audio/providers';
import { fptSpeed } from '../../src/api/radio-script/audio/providers/fpt-ai';
import { splitForSpeech, splitSentences } from '../../src/api/radio-script/speech/sentences';

describe('sentences of a radio script', () => {
  it('ends a sentence at . ! ? … followed by a space, not inside numbers or document symbols', () => {
    expect(splitSentences('Kính thưa bà con! Mức hỗ trợ là 1.250.000 đồng theo Nghị quyết 05/2025/NQ-HĐND. Bà con đã rõ chưa? Xin cảm ơn…').map((s) => s.text)).toEqual([
      'Kính thưa bà con!',
      'Mức hỗ trợ là 1.250.000 đồng theo Nghị quyết 05/2025/NQ-HĐND.',
      'Bà con đã rõ chưa?',
      'Xin cảm ơn…',
    ]);
  });

  it('keeps a closing quote with its sentence and treats a line break as a paragraph end', () => {
    expect(splitSentences('Ông nói: “Hãy đến sớm.” Rồi đi.\nDòng mới không dấu\r\nHết.')).toEqual([
      { text: 'Ông nói: “Hãy đến sớm.”', paragraphEnd: false },
      { text: 'Rồi đi.', paragraphEnd: true },
      { text: 'Dòng mới không dấu', paragraphEnd: true },
      { text: 'Hết.', paragraphEnd: true },
    ]);
  });

  it('normalises to NFC, so a decomposed letter counts as one character', () => {
    const decomposed = 'Kính thưa'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(9);
    expect(splitForSpeech(decomposed, 9)).toEqual(['Kính thưa']);
  });
});

describe('parts for a text-to-speech request', () => {
  it('keeps a script that fits in one part, and has no limit for espeak-ng', () => {
    expect(splitForSpeech('Câu một. Câu hai.', 5000)).toEqual(['Câu một. Câu hai.']);
    expect(splitForSpeech('  Câu một.\nCâu hai.  ', Number.POSITIVE_INFINITY)).toEqual(['Câu một.\nCâu hai.']);
    expect(splitForSpeech('   ', 5000)).toEqual([]);
  });

  it('packs whole sentences greedily and cuts only between them', () => {
    expect(splitForSpeech('Một hai ba. Bốn năm sáu. Bảy tám chín.', 24)).toEqual(['Một hai ba. Bốn năm sáu.', 'Bảy tám chín.']);
    expect(splitForSpeech('Một hai ba. Bốn năm sáu. Bảy tám chín.', 23)).toEqual(['Một hai ba.', 'Bốn năm sáu.', 'Bảy tám chín.']);
  });

  it('keeps paragraph breaks inside a part', () => {
    expect(splitForSpeech('Kính thưa bà con!\nHôm nay xã thông báo.', 100)).toEqual(['Kính thưa bà con!\nHôm nay xã thông báo.']);
  });

  it('cuts a sentence longer than the limit at a comma, else at a space', () => {
    expect(splitForSpeech('Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được hỗ trợ.', 25)).toEqual([
      'Hộ nghèo, hộ cận nghèo,',
      'hộ mới thoát nghèo được',
      'hỗ trợ.',
    ]);
    expect(splitForSpeech('aaaaaaaaaa', 4)).toEqual(['aaaa', 'aaaa', 'aa']);
  });

  it('never exceeds the limit, and loses, repeats or cuts no word that fits, for any script and limit', () => {
    const word = fc.stringMatching(/^[a-zàáảãạăâđêôơưộ]{1,12}$/);
    const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 15 }), fc.constantFrom('.', '!', '?', ',', ''));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 200 }), (sentences, limit) => {
        const text = sentences.map(([words, end]) => `${words.join(' ')}${end}`).join(' ');
        const parts = splitForSpeech(text, limit);
        expect(parts.every((part) => part.length > 0 && part.length <= limit)).toBe(true);
        expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        // Words (at most 12 letters and a mark) are cut only when the limit is shorter than a word.
        if (limit >= 13) expect(parts.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
      }),
    );
  });
});

describe('FPT.AI speed', () => {
  it.each([
    [160, 0],
    [150, 0],
    [190, 1],
    [130, -1],
    [60, -3],
    [400, 3],
  ])('reads %i syllables a minute as speed %i', (pace, speed) => {
    expect(fptSpeed(pace)).toBe(speed);
  });
});

describe('voices by script language', () => {
  const settings = { apiUrl: '', apiKey: '', maxAttempts: 1, retryBaseMs: 1, pollIntervalMs: 1, pollTimeoutMs: 1, requestTimeoutMs: 1 };

  it('gives Vietnamese the configured voice and other languages none, whichever the provider', () => {
    const espeak = speechProvider({ ...settings, provider: 'espeak-ng', voice: '' });
    expect([espeak.voiceFor('vi'), espeak.voiceFor('vi-VN'), espeak.voiceFor('hmn')]).toEqual(['vi', 'vi', null]);
    expect(speechProvider({ ...settings, provider: 'espeak-ng', voice: 'vi-vn-x-south' }).voiceFor('vi')).toBe('vi-vn-x-south');
    const fpt = speechProvider({ ...settings, provider: 'fpt-ai', voice: '' });
    expect([fpt.name, fpt.maxChars, fpt.voiceFor('vi'), fpt.voiceFor('tay')]).toEqual(['fpt-ai', 5000, 'banmai', null]);
    expect(speechProvider({ ...settings, provider: 'fpt-ai', voice: 'lannhi' }).voiceFor('vi')).toBe('lannhi');
  });
});

describe('speech settings (config/radio.ts)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const load = () => radioConfig({ env } as never).speech;

  it('defaults to espeak-ng with no outside address', () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('SPEECH_')) delete process.env[name];
    expect(load()).toEqual(expect.objectContaining({ provider: 'espeak-ng', apiUrl: '', apiKey: '', voice: '' }));
  });

  it('points FPT.AI at its documented endpoint unless SPEECH_API_URL says otherwise', () => {
    process.env.SPEECH_PROVIDER = 'fpt-ai';
    expect(load().apiUrl).toBe('https://api.fpt.ai/hmi/tts/v5');
    process.env.SPEECH_API_URL = 'http://127.0.0.1:9/hmi/tts/v5';
    expect(load().apiUrl).toBe('http://127.0.0.1:9/hmi/tts/v5');
  });

  it('refuses an unknown provider by name, at boot', () => {
    process.env.SPEECH_PROVIDER = 'google';
    expect(load).toThrow('SPEECH_PROVIDER must be one of "espeak-ng", "fpt-ai", got "google"');
  });
});
