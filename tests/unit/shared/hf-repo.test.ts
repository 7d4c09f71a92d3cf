import { describe, expect, it } from 'vitest';
import { hfRepoUrl, isHfRepoId } from '../../../lib/shared/hf-repo';

describe('HF repository ids and links', () => {
  it('links a plain owner/name to its page, by kind', () => {
    expect(hfRepoUrl('models', 'apple/starflow-3b')).toBe('https://huggingface.co/apple/starflow-3b');
    expect(hfRepoUrl('datasets', 'flowfan/latent_imagenet.256')).toBe('https://huggingface.co/datasets/flowfan/latent_imagenet.256');
    expect(hfRepoUrl('spaces', 'apple/starflow-demo')).toBe('https://huggingface.co/spaces/apple/starflow-demo');
  });

  it.each([
    '../etc/passwd',
    'apple/../../x',
    'apple/a..b',
    'javascript:alert(1)',
    'javascript:alert(1)/x',
    'https://evil.example/x',
    'apple /starflow',
    'apple/star flow',
    'apple',
    'apple/starflow/extra',
    '-apple/x',
    '/apple/x',
    'apple/',
    '',
    `a/${'x'.repeat(300)}`,
  ])('drops the hostile or malformed id %j', (id) => {
    expect(isHfRepoId(id)).toBe(false);
    expect(hfRepoUrl('models', id)).toBeUndefined();
  });

  it('drops anything but a string', () => {
    for (const value of [undefined, null, 42, { id: 'a/b' }]) expect(isHfRepoId(value)).toBe(false);
  });
});
