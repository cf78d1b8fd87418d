/**
 * A photo blob shown small. The object URL is made when the image mounts and revoked when it
 * unmounts (React 19 ref cleanup), so thumbnails never leak the blobs they show.
 */
export function PhotoThumb({ blob, alt }: { blob: Blob; alt: string }) {
  return (
    <img
      className="photo-thumb"
      alt={alt}
      width={96}
      height={96}
      ref={(img) => {
        if (!img) return;
        const url = URL.createObjectURL(blob);
        img.src = url;
        return () => URL.revokeObjectURL(url);
      }}
    />
  );
}
