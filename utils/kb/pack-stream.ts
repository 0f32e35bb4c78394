/**
 * Reads a pack's JSON text piece by piece (`@streamparser/json`) and hands out its manifest
 * and records as they complete, so a file of any size is parsed without being held whole.
 * Used by the library page, which parses while the background checks and writes what it
 * sent before, and by the background itself for a file given as text.
 */
import { JSONParser } from '@streamparser/json';

/** What a piece of text completed: the manifest (once) and whole records, unchecked. */
export interface PackPiece {
  manifest?: unknown;
  entities: unknown[];
  events: unknown[];
}

export class PackStream {
  private readonly parser = new JSONParser({ paths: ['$.manifest', '$.entities.*', '$.events.*'], keepStack: false });
  private piece: PackPiece = { entities: [], events: [] };

  constructor() {
    this.parser.onValue = ({ value, key, stack }) => {
      if (key === 'manifest' && stack.length === 1) this.piece.manifest = value;
      else if (stack[1]?.key === 'events') this.piece.events.push(value);
      else this.piece.entities.push(value);
    };
  }

  private take(): PackPiece {
    const piece = this.piece;
    this.piece = { entities: [], events: [] };
    return piece;
  }

  /** The records the text completes; throws "not valid JSON: …" on a syntax error. */
  write(text: string): PackPiece {
    try {
      this.parser.write(text);
    } catch (error) {
      throw new Error(`not valid JSON: ${(error as Error).message}`);
    }
    return this.take();
  }

  /** The end of the text: throws "not valid JSON: …" when it stops short. */
  end(): PackPiece {
    if (!this.parser.isEnded) {
      try {
        this.parser.end();
      } catch (error) {
        throw new Error(`not valid JSON: ${(error as Error).message}`);
      }
    }
    return this.take();
  }
}
