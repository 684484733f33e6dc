import { createRequire } from 'node:module';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CONSOLE_ASSETS_PATH } from './console-paths.js';
import { consoleTemplatesDir } from './console-views.js';

/**
 * The console's static files, all local (the county intranet has no internet): our CSS and script,
 * htmx from its npm package, and Noto Sans SC (OFL, fontsource) as the last font of the stack for
 * machines without a Chinese UI font — its unicode-range chunks load only when no local font has the
 * glyph; the letters' fonts (Noto Serif SC, LXGW WenKai) for letter previews. Public: they contain nothing
 * but code and fonts.
 */
export function serveConsoleAssets(app: NestExpressApplication): void {
  const require = createRequire(import.meta.url);
  const packageDir = (id: string) => path.dirname(require.resolve(id));
  const options = { maxAge: '1h', index: false, fallthrough: true } as const;
  app.useStaticAssets(path.join(consoleTemplatesDir(), 'assets'), {
    ...options,
    prefix: CONSOLE_ASSETS_PATH,
  });
  app.useStaticAssets(packageDir('htmx.org/dist/htmx.min.js'), {
    ...options,
    prefix: `${CONSOLE_ASSETS_PATH}/vendor/htmx`,
  });
  app.useStaticAssets(packageDir('@fontsource/noto-sans-sc/400.css'), {
    ...options,
    maxAge: '30d',
    prefix: `${CONSOLE_ASSETS_PATH}/vendor/noto-sans-sc`,
  });
  // The letters' own fonts (OFL), for letter previews on PCs without 仿宋/楷体.
  app.useStaticAssets(packageDir('@fontsource/noto-serif-sc/400.css'), {
    ...options,
    maxAge: '30d',
    prefix: `${CONSOLE_ASSETS_PATH}/vendor/noto-serif-sc`,
  });
  app.useStaticAssets(packageDir('lxgw-wenkai-webfont/lxgwwenkai-regular.css'), {
    ...options,
    maxAge: '30d',
    prefix: `${CONSOLE_ASSETS_PATH}/vendor/lxgw-wenkai`,
  });
}
