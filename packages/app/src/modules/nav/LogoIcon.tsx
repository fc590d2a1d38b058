import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
});

/** A gatehouse: a gate between two towers, in the sidebar's accent colour. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      viewBox="0 0 40 40"
      role="img"
      aria-label="Gatehouse"
    >
      <path
        fill="#7df3e1"
        d="M4 8h3v3h2V8h3v3h2V8h3v28H4zM23 8h3v3h2V8h3v3h2V8h3v28H23zM17 16h6v4h-6zM17 22c0-2 1.5-3 3-3s3 1 3 3v14h-6z"
      />
    </svg>
  );
};
