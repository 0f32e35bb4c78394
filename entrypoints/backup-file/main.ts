// Chrome's offscreen document for the automatic backup (issue 21): utils/background/backup-download.ts.
import { browser } from 'wxt/browser';
import { answerBackupFile } from '@/utils/ui/backup-file';

answerBackupFile(browser.runtime.onMessage, browser.runtime.getURL('/'));
