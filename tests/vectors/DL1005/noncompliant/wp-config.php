<?php
// PHP keeps its settings in define() calls: a real database password and WordPress's random keys and salts are committed.
define( 'DB_NAME', 'shop' );
define( 'DB_USER', 'shop_app' );
define( 'DB_PASSWORD', '[|r4T-9vKw!eQ2zLm|]' );
define( 'DB_HOST', 'db.internal' );

define('AUTH_KEY', "[|Vh3#pX0q;Lz8&Wn5^Rt1(Ky7@Fd2!Sb|]");
define( 'LOGGED_IN_KEY', '[|f8Jq2!Zx7#Lw4$Rb9%Tc1^Mv6&Kp3*Hy0|]' );
define( 'NONCE_SALT', '[|9c41e0b7d2a85f36e4b1c07a9d58f2e6b3a7c190|]' );

define( 'WP_DEBUG', false );
