<?php
// The sample's fill-in text, values read from the environment, and a defined() check are not secrets.
define( 'DB_NAME', 'database_name_here' );
define( 'DB_USER', 'username_here' );
define( 'DB_PASSWORD', 'password_here' );
define( 'AUTH_KEY', 'put your unique phrase here' );
define( 'NONCE_SALT', 'put your unique phrase here' );
define( 'SECURE_AUTH_KEY', getenv( 'WP_SECURE_AUTH_KEY' ) );
define( 'DB_HOST', getenv( 'WP_DB_HOST' ) );

// Outside a define() call these names are ordinary identifiers.
$cache['NONCE_SALT'] = 'k2Jd8Lq4Xw9Zr6Tb';

if ( ! defined( 'DB_PASSWORD' ) ) {
    define( 'DB_PASSWORD', $_ENV['DB_PASSWORD'] );
}
