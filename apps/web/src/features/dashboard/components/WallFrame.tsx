import { type ReactNode, useEffect, useState } from 'react';
import { WALL, WALL_HEIGHT, WALL_WIDTH } from '../wall-theme.js';

/** The wall's scale on a screen: the design fits whole, undistorted, centred (letterboxed on other ratios). */
export interface WallScale {
  scale: number;
  left: number;
  top: number;
}

function scaleOf(width: number, height: number): WallScale {
  const scale = Math.min(width / WALL_WIDTH, height / WALL_HEIGHT);
  return { scale, left: (width - WALL_WIDTH * scale) / 2, top: (height - WALL_HEIGHT * scale) / 2 };
}

/** The window's scale, following its size. */
export function useWallScale(): WallScale {
  const [scale, setScale] = useState(() => scaleOf(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setScale(scaleOf(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/** A 1920 × 1080 stage scaled to the window by a CSS transform, on the hall's dark background. */
export function WallFrame({ scale, children }: { scale: WallScale; children: ReactNode }) {
  return (
    <div
      style={{
        position: 'fixed',
        inset: 0,
        overflow: 'hidden',
        background: `radial-gradient(ellipse at 50% 40%, #0a2a5c 0%, ${WALL.background} 70%)`,
      }}
    >
      <div
        data-testid="wall-stage"
        style={{
          position: 'absolute',
          left: scale.left,
          top: scale.top,
          width: WALL_WIDTH,
          height: WALL_HEIGHT,
          transform: `scale(${scale.scale})`,
          transformOrigin: '0 0',
          color: WALL.text,
          backgroundImage:
            'linear-gradient(rgba(47, 140, 255, 0.06) 1px, transparent 1px), linear-gradient(90deg, rgba(47, 140, 255, 0.06) 1px, transparent 1px)',
          backgroundSize: '40px 40px',
        }}
      >
        {children}
      </div>
    </div>
  );
}
