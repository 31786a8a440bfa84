/**
 * The sentence around a place in a block, in any of the pair's languages: Chinese ends sentences with 。！？；
 * (and their half-width forms), English with . ! ? followed by a space or the block's end. The hover on a
 * term of the translation shows the source sentence it renders.
 */

/** Whether the sentence ends at `text[i]`. */
function endsAt(text: string, i: number, end: number): boolean {
  const c = text[i]!;
  if ('。！？；…'.includes(c)) return true;
  if (!'.!?;'.includes(c)) return false;
  // "3.5", "e.g. the", "U.S." stay inside a sentence: an end needs a space or the end after it.
  return i + 1 >= end || /\s/.test(text[i + 1]!) || '"”’)）」'.includes(text[i + 1]!);
}

/** The sentence of `text` within `block` that holds `offset` (clamped to the block), trimmed. */
export function sentenceAt(text: string, block: { start: number; end: number }, offset: number): { start: number; end: number } {
  const at = Math.min(Math.max(offset, block.start), Math.max(block.start, block.end - 1));
  let start = block.start;
  for (let i = at - 1; i >= block.start; i--) {
    if (endsAt(text, i, block.end)) {
      start = i + 1;
      break;
    }
  }
  let end = block.end;
  for (let i = at; i < block.end; i++) {
    if (endsAt(text, i, block.end)) {
      end = i + 1;
      // Closing quotes and brackets belong to the sentence they end.
      while (end < block.end && '"”’)）」'.includes(text[end]!)) end++;
      break;
    }
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
